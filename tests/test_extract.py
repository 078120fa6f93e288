"""Extract stage: files -> documents rows; bad input becomes a reason, never a crash."""

import json

import polars as pl
import pytest

from flows.documents.extract import classify_bytes, extract_documents, resolve_inside

ARTICLE = ("The government of Freedonia released 40 political prisoners on Friday, "
           "their lawyers said, after weeks of quiet talks with European diplomats.\n")


@pytest.mark.parametrize(
    ("data", "reason_part"),
    [
        (b"", "empty file"),
        (b"   \n\t ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary"),
        (bytes(range(256)) * 4, "binary"),  # no text encoding fits (a legacy encoding is read: test_pages.py)
        (b"<!DOCTYPE html><html><body><p>hello</p></body></html>" + b" " * 50, "HTML"),
        (b"Too short.", "too short"),
    ],
)
def test_bad_bytes_get_a_reason(data, reason_part):
    text, reason = classify_bytes(data)
    assert text is None
    assert reason_part in reason


def test_utf8_with_bom_and_crlf_is_text():
    text, reason = classify_bytes(("\ufeff" + ARTICLE).replace("\n", "\r\n").encode())
    assert reason is None
    assert text == ARTICLE


def test_folder_with_good_bad_duplicate_and_metadata(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "a.json").write_text(json.dumps({"published_at": "2025-03-08", "source": "Wire", "extra": 1}))
    (tmp_path / "b.txt").write_text(ARTICLE)  # byte-identical copy
    (tmp_path / "c.txt").write_bytes(b"")
    (tmp_path / "d.txt").write_text("Le gouvernement a libéré quarante prisonniers politiques vendredi, "
                                    "selon leurs avocats, après des semaines de discussions discrètes.")
    (tmp_path / "e.txt").write_text(ARTICLE.replace("40", "41"))
    (tmp_path / "e.json").write_text("{not json")
    docs = extract_documents(tmp_path).sort("source_path")
    by = {r["source_path"]: r for r in docs.to_dicts()}
    assert by["a.txt"]["status"] == "loaded"
    assert by["a.txt"]["published_at"].isoformat() == "2025-03-08"
    assert "unused metadata keys: extra" in by["a.txt"]["metadata_issue"]
    assert by["b.txt"]["status"] == "duplicate" and "a.txt" in by["b.txt"]["reject_reason"]
    assert by["c.txt"]["status"] == "rejected" and by["c.txt"]["reject_reason"] == "empty file"
    assert by["d.txt"]["status"] == "rejected" and "'fr'" in by["d.txt"]["reject_reason"]
    assert by["e.txt"]["status"] == "loaded" and "sidecar e.json ignored" in by["e.txt"]["metadata_issue"]
    assert docs.filter(pl.col("status") != "loaded")["reject_reason"].null_count() == 0


def test_manifest_supplies_metadata(tmp_path):
    (tmp_path / "x.txt").write_text(ARTICLE)
    (tmp_path / "manifest.csv").write_text("file,published_at,title\nx.txt,2024-12-01,Prisoners freed\n")
    row = extract_documents(tmp_path).row(0, named=True)
    assert row["title"] == "Prisoners freed"
    assert row["published_at"].isoformat() == "2024-12-01"


def test_oversized_file_rejected_without_reading_it(tmp_path, monkeypatch):
    import flows.documents.extract as ex

    monkeypatch.setattr(ex, "MAX_BYTES", 100)
    (tmp_path / "big.txt").write_text(ARTICLE * 5)
    row = extract_documents(tmp_path).row(0, named=True)
    assert row["status"] == "rejected" and row["reject_reason"].startswith("too large")


def test_metadata_paths_cannot_escape_the_source_folder(tmp_path):
    assert resolve_inside(tmp_path, "sub/a.txt") == (tmp_path / "sub" / "a.txt").resolve()
    with pytest.raises(ValueError):
        resolve_inside(tmp_path, "../../etc/passwd")


@pytest.mark.parametrize("lang, text", [
    ("en", "The government freed dozens of prisoners on Saturday, and the envoy said that the sanctions on the "
           "national airline were eased as part of a deal that was agreed in talks with officials in the capital."),
    ("de", "Die Regierung hat am Samstag politische Gefangene freigelassen, darunter mehrere Journalisten. Der "
           "Gesandte sagte, die Sanktionen gegen die Fluggesellschaft würden gelockert, doch viele bleiben in Haft."),
    ("fr", "Le gouvernement a libéré samedi des prisonniers politiques, dont plusieurs journalistes. L'envoyé a "
           "déclaré que les sanctions contre la compagnie aérienne seraient assouplies, mais beaucoup restent en prison."),
    ("es", "El gobierno liberó el sábado a presos políticos, entre ellos varios periodistas. El enviado dijo que las "
           "sanciones contra la aerolínea se suavizarían, pero muchas personas siguen en prisión desde hace años."),
])
def test_language_detection_fast_path_agrees_with_the_classifier(lang, text):
    import py3langid

    from flows.documents.language_id import detect_language

    text = " ".join([text] * 4)
    assert detect_language(text) == lang == py3langid.classify(text[:1000])[0]


def test_folder_scan_lists_files_and_every_entry_that_claims_to_be_one_in_path_order(tmp_path):
    """The scandir walk behind scan_source and list_source_files gives the regular *.txt files of
    sorted(rglob('*.txt')) in the same order (nested and hidden folders, names that sort differently as
    strings and as paths: 'a/b.txt' before 'a-b.txt'), plus, so each gets a row with a reason instead of
    vanishing: links named *.txt (to a file, or broken), links to folders (never entered) and a folder
    named like a text file (entered too)."""
    from flows.documents.extract import list_source_files, scan_source

    for folder in ("a/b", "a-b", ".hidden", "z.txt", "real", "deep/1/2"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    for name in ("a/b.txt", "a-b.txt", "a-b/c.txt", ".hidden/h.txt", "B.txt", "b.TXT", ".txt", "real/r.txt",
                 "deep/1/2/d.txt", "sp ace.txt", "é.txt", "notes.md", "z.txt/in.txt"):
        (tmp_path / name).write_text("x" * len(name), encoding="utf-8")
    (tmp_path / "linkdir").symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "linked.txt").symlink_to(tmp_path / "real" / "r.txt")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")

    regular = [p for p in tmp_path.rglob("*.txt") if p.is_file() and not p.is_symlink()]
    claims = [tmp_path / "linkdir", tmp_path / "linked.txt", tmp_path / "broken.txt", tmp_path / "z.txt"]
    expected = sorted(regular + claims)
    assert list_source_files(tmp_path) == expected
    assert not any("linkdir" in p.parts[:-1] for p in expected)
    scanned = scan_source(tmp_path)
    assert scanned["source_path"].to_list() == [p.relative_to(tmp_path).as_posix() for p in expected]
    sizes = dict(zip(scanned["source_path"], scanned["n_bytes"]))
    assert sizes["linked.txt"] == (tmp_path / "real" / "r.txt").stat().st_size  # a link's target, for skipping
    assert [sizes[p.relative_to(tmp_path).as_posix()] for p in regular] == [p.stat().st_size for p in regular]


