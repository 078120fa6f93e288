"""Hostile or odd input gets a row with a reason: never followed, never a stall, never a lost document."""

import json
import os
import shutil

import duckdb
import pytest

from flows.cli.main import main
from tests.test_robustness import GOOD

pytestmark = pytest.mark.slow

OTHER = GOOD.replace("Bolivia", "Peru").replace("17", "12")


def _docs(db):
    with duckdb.connect(str(db), read_only=True) as con:
        return {r[0]: r[1:] for r in con.execute(
            "select source_path, status, reject_reason, doc_id, url, published_at, metadata_issue "
            "from documents order by source_path").fetchall()}


def _run(src, db, capsys, *extra):
    code = main(["run", "--source", str(src), "--db", str(db), *extra])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_copy_added_later_stays_the_duplicate_even_when_its_name_sorts_first(harness, tmp_path, capsys):
    src, db = tmp_path / "src", tmp_path / "w.duckdb"
    src.mkdir()
    (src / "original.txt").write_text(GOOD)
    assert _run(src, db, capsys)[0] == 0
    shutil.copyfile(src / "original.txt", src / "a_copy.txt")  # sorts before the original
    assert _run(src, db, capsys)[0] == 0
    docs = _docs(db)
    assert docs["original.txt"][0] == "loaded"
    assert docs["a_copy.txt"][0] == "duplicate" and docs["a_copy.txt"][1] == "byte-identical to original.txt"
    assert _run(src, db, capsys, "--full-refresh")[0] == 0
    docs = _docs(db)
    assert docs["original.txt"][0] == "loaded" and docs["a_copy.txt"][0] == "duplicate"


def test_the_warehouse_refuses_a_document_loaded_twice(seeds_copy):
    from flows.warehouse.validate import critical_failures, run_invariants

    con = duckdb.connect(str(seeds_copy))
    con.execute("insert into documents select * replace (source_path || '.twin' as source_path) from documents "
                "where status = 'loaded' limit 1")
    dq, offenders = run_invariants(con, "t")
    assert "a document is loaded at most once" in critical_failures(dq)["expectation"].to_list()
    assert offenders["a document is loaded at most once"].height == 2


def test_links_and_special_files_get_a_row_with_a_reason_and_are_never_followed(harness, tmp_path, capsys):
    src, db = tmp_path / "src", tmp_path / "w.duckdb"
    (src / "sub").mkdir(parents=True)
    (src / "good.txt").write_text(GOOD)
    outside = tmp_path / "secret.txt"
    outside.write_text("Top secret outside the folder. " * 5 + OTHER)
    (src / "escape.txt").symlink_to(outside)
    (src / "passwd.txt").symlink_to("/etc/passwd")
    (src / "dangling.txt").symlink_to(src / "nowhere.txt")
    (src / "loop.txt").symlink_to(src / "loop.txt")
    (src / "inside.txt").symlink_to(src / "good.txt")
    (src / "folderlink").symlink_to(tmp_path, target_is_directory=True)
    (src / "x.txt").mkdir()
    (src / "x.txt" / "in.txt").write_text(OTHER)
    os.mkfifo(src / "pipe.txt")
    code, out, err = _run(src, db, capsys)
    assert code == 0, err
    docs = _docs(db)
    assert docs["good.txt"][0] == "loaded" and docs["x.txt/in.txt"][0] == "loaded"
    reasons = {path: row[1] for path, row in docs.items() if row[0] == "rejected"}
    assert "outside the source folder" in reasons["escape.txt"]
    assert "outside the source folder" in reasons["passwd.txt"]
    assert "leads nowhere" in reasons["dangling.txt"] and "leads nowhere" in reasons["loop.txt"]
    assert "folder" in reasons["folderlink"] and "not followed" in reasons["folderlink"]
    assert "folder named like a text file" in reasons["x.txt"]
    assert "FIFO" in reasons["pipe.txt"]
    assert docs["inside.txt"][0] == "duplicate"  # a link inside the folder reads its file: a copy
    with duckdb.connect(str(db), read_only=True) as con:
        texts = " ".join(t for (t,) in con.execute("select text from documents where text is not null").fetchall())
    assert "root:" not in texts and "Top secret" not in texts
    assert main(["search", "secret", "--db", str(db)]) == 1
    # unchanged odd entries are skipped like files by the next run
    code, out, _ = _run(src, db, capsys)
    assert code == 0 and "no changes" in out


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their permissions")
def test_an_unreadable_folder_keeps_its_documents_and_says_so(harness, tmp_path, capsys):
    _unreadable_folder_case(harness, tmp_path, capsys, lambda folder: folder.chmod(0))


def test_an_unlistable_folder_keeps_its_documents_and_says_so(harness, tmp_path, capsys, monkeypatch):
    """The same, made with a scandir that fails on one folder (root reads any folder)."""
    import flows.documents.extract as extract

    real = os.scandir

    def failing(path):
        if str(path).endswith("/sub"):
            raise PermissionError(13, "Permission denied", path)
        return real(path)

    _unreadable_folder_case(harness, tmp_path, capsys,
                            lambda folder: monkeypatch.setattr(extract.os, "scandir", failing))


def _unreadable_folder_case(harness, tmp_path, capsys, break_folder):
    src, db = tmp_path / "src", tmp_path / "w.duckdb"
    (src / "sub").mkdir(parents=True)
    (src / "top.txt").write_text(GOOD)
    (src / "sub" / "inner.txt").write_text(OTHER)
    assert _run(src, db, capsys)[0] == 0
    with duckdb.connect(str(db), read_only=True) as con:
        events_before = con.execute("select count(*) from events").fetchone()[0]
    break_folder(src / "sub")
    try:
        code, out, err = _run(src, db, capsys)
        assert code == 0, err
        assert "cannot list sub/" in out and "1 documents were kept" in out
        assert _docs(db)["sub/inner.txt"][0] == "loaded"
        with duckdb.connect(str(db), read_only=True) as con:
            assert con.execute("select count(*) from events").fetchone()[0] == events_before
        with duckdb.connect(f"{db}.ops.duckdb", read_only=True) as con:
            assert "cannot list sub/" in con.execute(
                "select message from runs order by started_at desc limit 1").fetchone()[0]
        code, out, err = _run(src, db, capsys, "--full-refresh")
        assert code == 2 and "would drop its 1 documents" in err
        assert _docs(db)["sub/inner.txt"][0] == "loaded"
    finally:
        (src / "sub").chmod(0o755)


def test_sidecar_values_are_typed_not_coerced_and_urls_are_http_only(harness, tmp_path, capsys):
    src, db = tmp_path / "src", tmp_path / "w.duckdb"
    src.mkdir()
    for name, meta in {"a": {"url": ["https://example.org/a"], "published_at": 20240101},
                       "b": {"url": "javascript:alert(1)", "title": "T"},
                       "c": {"url": "https://example.org/c", "published_at": "2024-01-02"}}.items():
        (src / f"{name}.txt").write_text(GOOD.replace("17", str(10 + ord(name[0]) - 96)))
        (src / f"{name}.json").write_text(json.dumps(meta))
    assert _run(src, db, capsys)[0] == 0
    docs = _docs(db)
    _, _, _, url, published, issue = docs["a.txt"]
    assert url is None and published is None
    assert "url ignored: a list" in issue and "published_at ignored: a int" in issue
    assert docs["b.txt"][3] is None and "not an http(s) address" in docs["b.txt"][5]
    assert docs["c.txt"][3] == "https://example.org/c" and str(docs["c.txt"][4]) == "2024-01-02"


def test_a_document_past_the_extraction_budget_is_rejected_with_the_reason_fast(harness, tmp_path, capsys):
    import time

    from flows.documents.extract import MAX_DOC_CHARS

    src, db = tmp_path / "src", tmp_path / "w.duckdb"
    src.mkdir()
    (src / "good.txt").write_text(GOOD)
    sentence = "Officials said the government released 12 prisoners on Monday. "
    (src / "flood.txt").write_text(sentence * (MAX_DOC_CHARS // len(sentence) + 10))
    t = time.perf_counter()
    code, out, err = _run(src, db, capsys)
    assert code == 0, err
    assert time.perf_counter() - t < 120
    docs = _docs(db)
    assert docs["good.txt"][0] == "loaded"
    assert docs["flood.txt"][0] == "rejected" and "extraction budget" in docs["flood.txt"][1]
