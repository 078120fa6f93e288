"""One daily run, in process and without Prefect, timed step by step: wall, CPU and peak RSS per step.

The steps are the flow's (`flows/orchestration/flow.py`, `_locked_run`) called directly, so that a step's
memory and CPU are its own (no Prefect server, no worker processes): plan, copy_previous, extract (one
process, batches of 2,000), incremental_state (the stored rows, `spool.copy_stored`), assemble_tables,
quote_evidence, validate, park, load. Peak RSS is sampled every 20 ms; CPU is the process's (every thread).

    # a bench warehouse (e.g. `dossier bench --daily` workdir) as a master copy for this code's extractor
    python scripts/bench_daily_steps.py stamp WORKDIR/bench.duckdb /tmp/x/master.duckdb
    # 1,000 new documents (seed 2, in CORPUS/_delta_new) into a copy of the master, step by step
    python scripts/bench_daily_steps.py run /tmp/x/master.duckdb CORPUS --new 1000 [--trace] [--json out.json]
    # the same new documents into an empty warehouse (the ratio's denominator)
    python scripts/bench_daily_steps.py run - CORPUS/_delta_new

`stamp` sets every stored document's extractor version to this code's, so that a warehouse built by an
older extractor is not read again (its staging rows stay the older extractor's: fine for timing resolution
and the load, not for scoring); `run` writes the copy's resolution fingerprint for this code, so the run
is incremental (the stored tables are taken as this code's resolution of them). Both are for benchmarking
only: a real run resolves a warehouse whole when its fingerprint differs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import flows  # noqa: E402,F401 - first, as the CLI: it sets polars' allocator (flows/core/runtime.py) before polars loads
import polars as pl  # noqa: E402
import psutil  # noqa: E402

RUN_ID = "20261203T000000-abcdef"


class Steps:
    """Times named steps: wall, CPU (all threads) and the peak RSS sampled while each ran."""

    def __init__(self) -> None:
        self.proc = psutil.Process()
        self.open: list[int] = []  # the peak of each step running (outermost first), raised by the sampler
        self.rows: list[dict] = []
        self._stop = False
        threading.Thread(target=self._sample, daemon=True).start()

    def _sample(self) -> None:
        while not self._stop:
            rss = self.proc.memory_info().rss
            for i in range(len(self.open)):
                if self.open[i] < rss:
                    self.open[i] = rss
            time.sleep(0.02)

    def __call__(self, name: str, indent: int = 0):
        steps = self

        class _Step:
            def __enter__(self):
                self.rss = steps.proc.memory_info().rss
                steps.open.append(self.rss)
                self.t, self.c = time.perf_counter(), time.process_time()

            def __exit__(self, *exc):
                end = steps.proc.memory_info().rss
                peak = max(steps.open.pop(), end)
                if steps.open:  # what the step reached, its enclosing steps reached too
                    steps.open[-1] = max(steps.open[-1], peak)
                row = {"step": name, "wall": time.perf_counter() - self.t, "cpu": time.process_time() - self.c,
                       "peak_mb": peak / 2**20, "start_mb": self.rss / 2**20, "end_mb": end / 2**20, "level": indent}
                steps.rows.append(row)
                print(f"{'  ' * indent}{name:<{34 - 2 * indent}} wall {row['wall']:7.2f}  cpu {row['cpu']:7.2f}  "
                      f"peak {row['peak_mb']:6.0f} MB  (start {row['start_mb']:5.0f}, end {row['end_mb']:5.0f})",
                      flush=True)
        return _Step()

    def stop(self) -> None:
        self._stop = True


def stamp(src: Path, dst: Path) -> None:
    import duckdb

    from flows.extraction.facts import EXTRACTOR_VERSION

    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)
    con = duckdb.connect(str(dst))
    con.execute("update documents set extractor_version = ?", [EXTRACTOR_VERSION])
    # staging columns this extractor adds to a stage an older one wrote (empty: as the older extractor found)
    con.execute("alter table stg_event_mentions add column if not exists counterparts varchar[]")
    con.execute("checkpoint")
    con.close()
    print(f"{dst}: extractor version {EXTRACTOR_VERSION}")


def new_documents(corpus: Path, n: int) -> None:
    """`n` new documents (seed 2) in `corpus/_delta_new`, unless they are there."""
    from bench.synth import generate_corpus

    folder = corpus / "_delta_new"
    if not folder.exists():
        generate_corpus(n, folder, 2)


TRACED = ("freed_names", "resolve_mentions_in_documents", "resolve_people", "consolidate_events_incremental", "kept_evidence",
          "stage_frame", "consolidate_sanctions_incremental", "link_event_people_incremental", "_evidence_part",
          "precision_conflicts", "add_dimensions", "_scopes", "consolidate_events", "consolidate_sanctions",
          "link_event_people")


# what the daily run's validation calls (`run_suites_incremental`)
TRACED_VALIDATE = ("changed_rows", "run_suites", "last_success_expectations", "whole_tables")


def trace_assemble(steps: Steps) -> None:
    """Time the calls `assemble_tables` and the daily run's validation make, as sub-steps."""
    import flows.resolution.assemble as assemble
    import flows.warehouse.validate as validate

    for module, names in ((assemble, TRACED), (validate, TRACED_VALIDATE)):
        for name in names:
            fn = getattr(module, name, None)
            if fn is None:
                continue

            def wrapped(*a, _fn=fn, _name=name, **k):
                with steps(_name, 1):
                    return _fn(*a, **k)
            setattr(module, name, wrapped)


def run(master: str, corpus: Path, work: Path, trace: bool) -> Steps:
    from flows.core.paths import resolver_path
    from flows.documents.extract import extract_documents
    from flows.extraction.facts import EXTRACTOR_VERSION, extract_facts
    from flows.orchestration import pipeline
    from flows.orchestration.spool import RunSpool
    from flows.orchestration.steps import BatchSink, LoadCheck
    from flows.resolution.assemble import SCOPES, assemble_tables
    from flows.resolution.evidence import quote_evidence
    from flows.resolution.incremental import resolver_fingerprint
    from flows.warehouse.load import write_warehouse
    from flows.warehouse.validate import run_suites, run_suites_incremental

    work.mkdir(parents=True, exist_ok=True)
    db = work / "run.duckdb"
    for f in work.glob("run.duckdb*"):
        shutil.rmtree(f) if f.is_dir() else f.unlink()
    if master != "-":
        shutil.copyfile(master, db)
        fingerprint = resolver_fingerprint()
        resolver_path(db).write_text(fingerprint + "\n")
        # the code as it was at the start (an edit made while the run goes would make it resolve whole)
        import flows.resolution.incremental as incremental
        incremental.resolver_fingerprint = lambda: fingerprint
    steps = Steps()
    if trace:
        trace_assemble(steps)
    with steps("total"):
        with steps("plan"):
            plan, previous_docs = pipeline.plan_folder(corpus, db, False)
            keep_ids = plan.kept.filter(pl.col("status") == "loaded")["doc_id"].to_list()
            originals = set(pipeline.loaded_paths(previous_docs))
        print(f"plan: {len(plan.to_read)} to read, {len(keep_ids)} kept, {len(plan.removed)} removed", flush=True)
        with RunSpool(db) as spool:
            with steps("copy_previous"):
                previous = spool.copy_previous(db, keep_ids)
            with steps("extract"):
                sink = BatchSink(spool, keep_ids)
                for i in range(0, len(plan.to_read), 2000):
                    paths = plan.to_read[i:i + 2000]
                    docs = extract_documents(corpus, [corpus / p for p in paths], [p for p in paths if p in originals])
                    loaded = docs.filter(pl.col("status") == "loaded")
                    sink.add(docs, extract_facts(loaded) if loaded.height else {})
                    del docs, loaded
                _, all_docs, furniture = sink.documents(plan, list(originals))
            with steps("resolve"):
                with steps("incremental_state", 1):
                    stored = pipeline.incremental_state(db, spool, keep_ids, all_docs, previous_docs, False)
                print(f"incremental: {stored is not None}", flush=True)
                with steps("assemble_tables", 1):
                    tables = assemble_tables(spool.sources(), previous, stored) if stored is not None \
                        else assemble_tables(spool.sources(), previous)
                del stored
                scopes = tables.pop(SCOPES, None)
                if scopes:
                    print("scopes:", {k: v.len() for k, v in scopes.items()}, flush=True)
                tables, counts = pipeline.cut_to_scopes(tables, scopes)  # as the flow: only the scopes go on
                print("rows:", counts, "scoped:", {k: v.height for k, v in tables.items()}, flush=True)
                with steps("quote_evidence", 1):
                    evidence_files = quote_evidence(tables["evidence"], spool.sources(), spool.folder)
            del previous
            with steps("validate"):
                frames = {**tables, "documents": all_docs}
                dq = run_suites_incremental(db, frames, RUN_ID, scopes=scopes) if keep_ids or scopes \
                    else run_suites(frames, RUN_ID)
                del frames
            print(f"dq: {int((~dq['success']).sum())} of {dq.height} failed", flush=True)
            del tables["evidence"]
            summary = pipeline.summarise(all_docs, counts, plan)
            with steps("park"):
                table_files = spool.park(tables)
            del tables
            upsert = all_docs.join(furniture, on="doc_id", how="left").filter(
                pl.col("source_path").is_in(plan.to_read)).with_columns(
                run_id=pl.lit(RUN_ID), extractor_version=pl.lit(EXTRACTOR_VERSION))
            current_ids = all_docs.filter(pl.col("status") == "loaded")["doc_id"].to_list()
            check = LoadCheck(dq, db, RUN_ID, dt.datetime.now(), plan, str(corpus), summary, pipeline.Timer())
            with steps("load"):
                pipeline.forget_resolver(db)
                write_warehouse(db, upsert, plan.removed + list(plan.to_read), spool.stage_files, current_ids,
                                {**table_files, "evidence": evidence_files}, check, text_files=spool.files,
                                run_id=RUN_ID, scopes=scopes)
                pipeline.mark_resolver(db)
    steps.stop()
    print(f"process: cpu {time.process_time():.2f} s, maxrss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("stamp", help="copy a warehouse as a master stamped with this code's extractor version")
    s.add_argument("src", type=Path)
    s.add_argument("dst", type=Path)
    r = sub.add_parser("run", help="one daily run into a copy of MASTER ('-': an empty warehouse), step by step")
    r.add_argument("master")
    r.add_argument("corpus", type=Path)
    r.add_argument("--work", type=Path, default=None, help="where the copy goes (default: beside the master)")
    r.add_argument("--new", type=int, default=0, help="make N new documents (seed 2) in CORPUS/_delta_new first")
    r.add_argument("--trace", action="store_true", help="time assemble_tables' calls too")
    r.add_argument("--json", type=Path, default=None, help="write the step rows here")
    args = parser.parse_args()
    if args.command == "stamp":
        stamp(args.src, args.dst)
        return
    if args.new:
        new_documents(args.corpus, args.new)
    work = args.work or (Path(args.master).parent if args.master != "-" else Path("/tmp/bench_daily_steps"))
    steps = run(args.master, args.corpus, work, args.trace)
    if args.json:
        args.json.write_text(json.dumps(steps.rows, indent=1))


if __name__ == "__main__":
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    main()
