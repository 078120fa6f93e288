"""A run as Prefect artifacts: a markdown summary and a table of its data-quality results.

Both are read back from the run history (`<db>.ops.duckdb`), which every run writes
whatever its outcome (success, no changes, failed checks, failed), so the Prefect
run page shows the same figures as `dossier sql "select * from runs"` and the
dashboard. Publishing never fails a run: a missing history or an unreachable API
is logged and skipped.
"""

from __future__ import annotations

import json
from pathlib import Path

SUMMARY_KEY = "dossier-run-summary"
DQ_KEY = "dossier-data-quality"
COUNTS = (("files", "n_files"), ("read", "n_processed"), ("unchanged", "n_skipped"), ("loaded", "n_loaded"),
          ("rejected", "n_rejected"), ("duplicates", "n_duplicates"), ("people", "n_people"),
          ("events", "n_events"), ("sanctions", "n_sanctions"), ("checks failed", "n_dq_failed"))


def read_run(db: Path, run_id: str) -> tuple[dict | None, list[dict]]:
    """(the run's `runs` row, its `dq_results` rows) from the history sidecar; (None, []) if absent."""
    import duckdb

    from flows.core.paths import ops_path

    ops = ops_path(Path(db))
    if not ops.exists():
        return None, []
    with duckdb.connect(str(ops), read_only=True) as con:
        cur = con.execute("select * from runs where run_id = ?", [run_id])
        names = [d[0] for d in cur.description]
        row = cur.fetchone()
        run = dict(zip(names, row)) if row else None
        try:
            cur = con.execute("select table_name, expectation, severity, success, observed from dq_results "
                              "where run_id = ? order by success, severity, table_name, expectation", [run_id])
        except duckdb.CatalogException:
            return run, []
        names = [d[0] for d in cur.description]
        return run, [dict(zip(names, r)) for r in cur.fetchall()]


def _md(value: object) -> str:
    """A value safe inside a markdown table cell."""
    return "—" if value is None else str(value).replace("|", "\\|").replace("\n", " ")


def summary_markdown(run: dict, dq: list[dict], db: Path) -> str:
    """The run summary as markdown: status, time, counts, stage seconds, failed checks."""
    lines = [f"# Dossier run `{run['run_id']}`: {run.get('status')}", ""]
    if run.get("message"):
        lines += [f"> {_md(run['message'])}", ""]
    secs = (run["finished_at"] - run["started_at"]).total_seconds() if run.get("finished_at") and run.get("started_at") else None
    lines += [f"- source: `{run.get('source_dir')}`", f"- warehouse: `{Path(db).resolve()}`",
              f"- started: {run.get('started_at')} UTC" + (f", took {secs:.1f} s" if secs is not None else ""), "",
              "| " + " | ".join(label for label, _ in COUNTS) + " |", "|" + "---:|" * len(COUNTS),
              "| " + " | ".join(_md(run.get(key)) for _, key in COUNTS) + " |", ""]
    try:
        stages = json.loads(run.get("stage_seconds") or "{}")
    except ValueError:
        stages = {}
    if stages:
        lines += ["| stage | seconds |", "|---|---:|"] + [f"| {k} | {v:.2f} |" for k, v in stages.items()] + [""]
    failed = [c for c in dq if not c["success"]]
    if dq:
        lines.append(f"**Data quality**: {len(dq) - len(failed)} of {len(dq)} expectations passed.")
    for c in failed:
        lines.append(f"- {c['severity']} **{_md(c['table_name'])}**: {_md(c['expectation'])} ({_md(c['observed'])})")
    lines += ["", f"Dashboard: `dossier dq --db {db}`"]
    return "\n".join(lines)


def dq_table(dq: list[dict]) -> list[dict]:
    """One row per expectation, failures first: result, severity, table, the check as a sentence, what
    was observed, and GX's own name of it."""
    from flows.warehouse.expectation_text import readable

    return [{"result": "pass" if c["success"] else "FAIL", "severity": c["severity"], "table": c["table_name"],
             "check": readable(str(c["expectation"])), "observed": c["observed"], "expectation": c["expectation"]}
            for c in dq]


def publish_run_artifacts(db: Path, run_id: str, logger=None) -> bool:
    """Attach the run's summary (markdown) and data-quality results (table) to the current flow run."""
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    try:
        run, dq = read_run(db, run_id)
        if run is None:
            return False
        create_markdown_artifact(key=SUMMARY_KEY, markdown=summary_markdown(run, dq, db),
                                 description=f"Dossier run {run_id}: {run.get('status')}")
        nothing = [{"result": "—", "severity": "—", "table": "—", "check": "nothing checked (no changes)",
                    "observed": "—", "expectation": "—"}]
        create_table_artifact(key=DQ_KEY, table=dq_table(dq) or nothing,
                              description=f"Data-quality results of run {run_id}")
        return True
    except Exception as exc:  # the run's outcome stands; its artifacts are a convenience
        if logger is not None:
            logger.warning("could not publish the run's artifacts: %s: %s", type(exc).__name__, exc)
        return False
