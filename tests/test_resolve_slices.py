"""Resolve from the run's Parquet spool, in small slices, gives the same tables as resolve in one go.

The slice sizes (people, events, release links, quotes) that matter at 100k documents (hundreds of thousands of rows) are never reached by the
test data, so these tests shrink them until every slice loop runs many times.
"""

import polars as pl
import pytest

import flows.extraction.mentions as people
import flows.core.frames as frames
import flows.resolution.events as events
import flows.resolution.links as links
import flows.resolution.staging as staging
from flows.resolution.assemble import assemble_tables
from flows.resolution.evidence import quote_evidence
from flows.documents.extract import extract_documents
from flows.extraction.facts import extract_facts
from tests.conftest import DEV_DIR, SEEDS


@pytest.fixture(scope="module")
def staged():
    docs = pl.concat([extract_documents(root).filter(pl.col("status") == "loaded") for root in (DEV_DIR, SEEDS)])
    docs = docs.unique("doc_id", keep="first", maintain_order=True)
    return docs, extract_facts(docs)


def _canon(frame: pl.DataFrame) -> pl.DataFrame:
    lists = [c for c, t in frame.schema.items() if isinstance(t, pl.List)]
    frame = frame.with_columns(pl.col(c).list.join("|") for c in lists)
    return frame.sort(frame.columns, nulls_last=True)


def _spool(stage: dict, folder) -> dict:
    """The staging frames as the flow hands them to resolve: per key, several Parquet files (one per batch)."""
    out = {}
    for key in ("name_candidates", "event_mentions", "sanction_mentions", "sentences", "tallies", "freed_names"):
        files = []
        for i, part in enumerate(_batches(stage[key])):
            path = folder / f"{key}-{i}.parquet"
            part.write_parquet(path)
            files.append(path)
        out[key] = files
    return out


def _batches(frame: pl.DataFrame, n: int = 3) -> list[pl.DataFrame]:
    ids = frame["doc_id"].unique(maintain_order=True).to_list()
    return [frame.filter(pl.col("doc_id").is_in(ids[i::n])) for i in range(n)]


def test_spooled_and_sliced_resolve_equals_resolve_in_one_go(staged, tmp_path, monkeypatch):
    _, stage = staged
    whole = assemble_tables(stage)
    monkeypatch.setattr(events, "EVENT_AGG_SLICE_ROWS", 7)
    monkeypatch.setattr(links, "LINK_SLICE_SENTENCES", 5)
    monkeypatch.setattr(people, "PEOPLE_SLICE_ROWS", 40)
    sliced = assemble_tables(_spool(stage, tmp_path))
    assert sliced["event_people"].height > 0 and sliced["events"].height > 0
    for name in whole:
        assert _canon(sliced[name]).equals(_canon(whole[name])), name


def test_quotes_join_to_every_evidence_row_in_any_number_of_slices(staged, tmp_path):
    docs, stage = staged
    tables = assemble_tables(stage)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one = pl.read_parquet(quote_evidence(tables["evidence"], stage, tmp_path / "a", slice_rows=10**9))
    many_files = quote_evidence(tables["evidence"], _spool(stage, tmp_path), tmp_path / "b", slice_rows=40)
    assert len(many_files) > 5
    many = pl.read_parquet(many_files)
    assert _canon(one).equals(_canon(many))
    # every quote is the document's text at the span (what the warehouse invariant checks)
    texts = dict(zip(docs["doc_id"], docs["text"]))
    for doc_id, start, end, quote in many.select("doc_id", "char_start", "char_end", "quote").iter_rows():
        assert quote and texts[doc_id][start:end] == quote


def test_sliced_scans_of_a_spool_read_each_file_once_and_match_the_filtered_scan(staged, tmp_path, monkeypatch):
    """Each slice holds the rows that filtering a scan of every file gives, in the same order; the spool's
    files are read once in all (not once per slice), and the slice files are gone once it is closed."""
    _, stage = staged
    files = _spool(stage, tmp_path)["event_mentions"]
    columns = ["doc_id", "char_start", "char_end", "sentence"]
    n = 4
    # the slices as hash_slices cuts them when a run needs n
    slices = frames.hash_slices(n * 10, 10)
    assert len(slices) == n
    expected = [frames.take(staging.scan_stage(files, "event_mentions", columns), in_slice).collect() for in_slice in slices]
    reads = []
    real_scan = staging.scan_stage
    monkeypatch.setattr(staging, "scan_stage", lambda source, *a, **k: reads.append(list(source)) or real_scan(source, *a, **k))
    scans = staging.sliced_scans(files, "event_mentions", columns, n)
    got = [scan.collect() for scan in scans]
    assert [len(r) for r in reads[:len(files)]] == [1] * len(files)  # the spool: one file at a time, once each
    assert sorted(str(f) for r in reads[:len(files)] for f in r) == sorted(str(f) for f in files)
    assert [g.height for g in got] == [e.height for e in expected] and sum(g.height for g in got) > 0
    for g, e in zip(got, expected):
        assert g.equals(e)
    assert not list(tmp_path.glob("slices-*"))  # exhausted: its slice files are gone
