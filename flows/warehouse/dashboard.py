"""Static data-quality dashboard: one self-contained HTML page from the warehouse.

`write_dashboard(db, out_dir)` reads the run history (`runs`, `dq_results`, via the
sidecar when present), the `documents` table and the quarantine folder, and writes
`out_dir/index.html`: the latest run, pass/fail per table and expectation with each
expectation's history, trend charts over runs (dated axes, row-count anomalies
flagged), a sample of the rows that failed a check with a link to their quarantine
file, rejected documents, and links to the Great Expectations suites and Data Docs
(copied next to the page so the links work offline).

The page is rendered by jinja2 (`flows/templates/dashboard.html.j2`, autoescaped:
every string from the warehouse is escaped) with inline CSS and inline SVG only: no
JavaScript, no external resources, so it can be mailed, archived as a CI artifact or
opened from disk. This module only reads and shapes the data; the markup is the
template's.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb

from flows.core.paths import EXPECTATIONS_DIR, TEMPLATES_DIR, quarantine_path
from flows.warehouse.charts import ANOMALY_MIN_ROWS, ANOMALY_SHARE, SERIES, anomalies, fmt_time, rows_chart, trend_chart
from flows.warehouse.expectation_text import readable
from flows.warehouse.access import connect_read_only

TREND_RUNS = 30  # the charts show this many most recent runs; more would crowd the x axis
HISTORY_RUNS = 20  # cells in each expectation's history strip
SAMPLE_ROWS = 5  # failing rows shown per check (the quarantine file holds them all)
GREEN, RED, AMBER, GREY = "#1a7f37", "#cf222e", "#b7791f", "#8c959f"


# ---------------------------------------------------------------- reading


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    """Query as a list of dicts; a missing table (fresh or partial warehouse) reads as empty."""
    try:
        cur = con.execute(sql, params or [])
    except duckdb.CatalogException:
        return []
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def read_state(db: Path) -> dict:
    """Everything the page shows from the warehouse, read in one short read-only session."""
    con = connect_read_only(db)
    try:
        runs = _rows(con, "select * from runs order by started_at, run_id")
        counts = _rows(con, "select run_id, count(*) filter (where success) as passed, "
                            "count(*) filter (where not success or success is null) as failed "
                            "from dq_results group by run_id")
        checked = _rows(con, "select run_id from dq_results d join runs r using (run_id) "
                             "order by r.started_at desc, r.run_id desc limit 1")
        dq_run = checked[0]["run_id"] if checked else None
        checks = _rows(con, "select table_name, expectation, severity, success, observed from dq_results "
                            "where run_id = ? order by table_name, expectation", [dq_run])
        recent = [r["run_id"] for r in runs[-TREND_RUNS:]]
        history = _rows(con, "select run_id, table_name, expectation, success, observed from dq_results "
                             "where list_contains(?, run_id)", [recent]) if recent else []
        rejected = _rows(con, "select source_path, status, reject_reason from documents "
                              "where status <> 'loaded' order by status, source_path")
    finally:
        con.close()
    return {"runs": runs, "counts": {c["run_id"]: c for c in counts}, "dq_run": dq_run,
            "checks": checks, "history": history, "rejected": rejected}


def quarantine_file_name(check_name: str) -> str:
    """The file a failed check's offending rows go to (flows.orchestration.steps.write_quarantine names them so)."""
    return check_name.replace(" ", "_").replace("'", "") + ".parquet"


def read_quarantine(db: Path, run_id: str | None, check_names: list[str], out_dir: Path) -> dict[str, dict]:
    """Check name -> {href, n_rows, columns, rows}: a sample of the rows that failed it, from
    `<db>.quarantine/<run_id>/`, with the file copied next to the page (the link works offline)."""
    import polars as pl

    folder = quarantine_path(db) / str(run_id)
    if run_id is None or not folder.is_dir():
        return {}
    samples = {}
    for name in check_names:
        path = folder / quarantine_file_name(name)
        if not path.exists():
            continue
        target = out_dir / "quarantine" / str(run_id) / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        frame = pl.read_parquet(path)
        sample = frame.head(SAMPLE_ROWS)
        samples[name] = {"href": target.relative_to(out_dir).as_posix(), "n_rows": frame.height,
                         "columns": sample.columns,
                         "rows": [[_cell(v) for v in row] for row in sample.iter_rows()]}
    return samples


def _cell(value: object, width: int = 120) -> str:
    text = "—" if value is None else str(value)
    return text if len(text) <= width else text[:width - 1] + "…"


# ---------------------------------------------------------------- formatting


def fmt_duration(run: dict) -> str:
    start, end = run.get("started_at"), run.get("finished_at")
    if not start or not end:
        return "—"
    secs = (end - start).total_seconds()
    return f"{secs:.1f} s" if secs < 120 else f"{int(secs // 60)} min {int(secs % 60)} s"


STATUS = {"success": ("ok", "success"), "failed_dq": ("bad", "failed data quality"), "failed": ("bad", "failed")}


def badge(status: str | None) -> dict:
    """Status pill: green for success, red for any failure, grey otherwise."""
    kind, label = STATUS.get(status or "", ("unknown", status or "unknown"))
    return {"kind": kind, "label": label}


def stage_seconds(raw: str | None) -> dict[str, float]:
    """stage_seconds is a JSON object; tolerate null or malformed text from older runs."""
    try:
        data = json.loads(raw or "{}")
    except (TypeError, ValueError):
        return {}
    return {str(k): float(v) for k, v in data.items() if isinstance(v, (int, float))} if isinstance(data, dict) else {}


# ---------------------------------------------------------------- charts (geometry; the template draws)


# ---------------------------------------------------------------- shaping the page


def check_rows(checks: list[dict], history: dict, history_runs: list[dict], quarantine: dict) -> list[dict]:
    """A table's checks, failed first (critical before warning), each with its sentence, history and sample."""
    checks = sorted(checks, key=lambda c: (bool(c.get("success")), c.get("severity") != "critical",
                                           str(c.get("expectation"))))
    rows = []
    for c in checks:
        ok, sev = bool(c.get("success")), c.get("severity") or "—"
        # a failed warning is reported but did not stop the load: amber, not red
        kind = "pass" if ok else ("warnfail" if sev == "warning" else "fail")
        past = history.get((c.get("table_name"), c.get("expectation")), {})
        cells = [{"state": "none" if r["run_id"] not in past else ("ok" if past[r["run_id"]][0] else "no"),
                  "tip": f"{r['run_id']}: " + ("not checked" if r["run_id"] not in past else
                                               f"{'pass' if past[r['run_id']][0] else 'FAIL'}, {past[r['run_id']][1]}")}
                 for r in history_runs]
        rows.append({**c, "ok": ok, "severity": sev, "kind": kind, "dot": {"pass": "ok", "warnfail": "warn", "fail": "bad"}[kind],
                     "readable": readable(str(c.get("expectation"))), "cells": cells,
                     "sample": quarantine.get(c.get("expectation"))})
    return rows


def table_groups(checks: list[dict], suites: set[str], history: list[dict], runs: list[dict],
                 counts: dict, quarantine: dict) -> list[dict]:
    """One group per table; tables with a critical failure first, then warning-only, then all passed."""
    by_table: dict[str, list[dict]] = {}
    for c in checks:
        by_table.setdefault(str(c.get("table_name")), []).append(c)
    past: dict[tuple, dict] = {}
    for h in history:
        past.setdefault((h["table_name"], h["expectation"]), {})[h["run_id"]] = (h["success"], h["observed"])
    history_runs = [r for r in runs if r["run_id"] in counts][-HISTORY_RUNS:]
    groups = []
    for table, items in by_table.items():
        failed = [c for c in items if not c.get("success")]
        n_crit = sum(1 for c in failed if c.get("severity") != "warning")
        groups.append({"table": table, "n": len(items), "n_fail": len(failed), "n_crit": n_crit,
                       "rank": 0 if n_crit else (1 if failed else 2), "suite": table in suites,
                       "rows": check_rows(items, past, history_runs, quarantine)})
    return sorted(groups, key=lambda g: (g["rank"], g["table"]))


def suite_info(path: Path) -> dict:
    """A suite file's name, link and (critical, warning) counts. Reads GX's own format (severity a field
    of each expectation, as GX 1.24 writes it; else in its meta) and the older {"checks": [...]} file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        items = data.get("expectations") or data.get("checks") or []
    except (OSError, ValueError, AttributeError):
        items = []
    items = [e for e in items if isinstance(e, dict)]
    severity = [e.get("severity") or (e.get("meta") or {}).get("severity") or "critical" for e in items]
    crit = sum(1 for s in severity if s == "critical")
    return {"name": path.stem, "file": path.name, "critical": crit, "warning": len(items) - crit}


def copy_suites(src: Path, out_dir: Path) -> list[Path]:
    """Copy the suite JSON files next to the page so the relative links work offline."""
    target = out_dir / "expectations"
    target.mkdir(parents=True, exist_ok=True)
    copied = []
    for path in sorted(Path(src).glob("*.json")) if Path(src).is_dir() else []:
        if (target / path.name).resolve() != path.resolve():  # out_dir may be the repo root itself
            shutil.copyfile(path, target / path.name)
        copied.append(target / path.name)
    return copied


def page_context(state: dict, db: Path, suites: list[Path], quarantine: dict | None = None,
                 data_docs: str | None = None) -> dict:
    """What the template needs, computed (no I/O)."""
    runs, counts = state["runs"], state["counts"]
    latest = runs[-1] if runs else None
    recent = runs[-TREND_RUNS:]
    flagged = anomalies(recent)
    checks = state["checks"]
    n_fail = sum(1 for c in checks if not c.get("success"))
    stages = stage_seconds(latest.get("stage_seconds")) if latest else {}
    top = max(stages.values(), default=0) or 1.0
    return {
        "db_name": Path(db).name, "runs": runs, "n_runs": len(runs), "latest": latest,
        "latest_badge": badge(latest.get("status")) if latest else None,
        "latest_failed": bool(latest) and latest.get("status") in ("failed_dq", "failed"),
        "latest_started": fmt_time(latest.get("started_at")) if latest else "",
        "latest_duration": fmt_duration(latest) if latest else "",
        "stats": [("files", "n_files"), ("read", "n_processed"), ("unchanged", "n_skipped"), ("loaded", "n_loaded"),
                  ("rejected", "n_rejected"), ("duplicates", "n_duplicates"), ("people", "n_people"),
                  ("events", "n_events"), ("sanctions", "n_sanctions"), ("checks failed", "n_dq_failed")],
        "stages": [{"name": k, "secs": v, "width": max(v / top * 100, 1)} for k, v in stages.items()],
        "scope": (f"last {len(recent)} of {len(runs)} runs" if len(runs) > len(recent)
                  else f"{len(runs)} run{'s' * (len(runs) != 1)}"),
        "trend": trend_chart(recent, counts) if recent else None,
        "rows_chart": rows_chart(recent, flagged) if recent else None,
        "anomalies": flagged, "anomaly_share": f"{ANOMALY_SHARE:.0%}", "anomaly_min_rows": ANOMALY_MIN_ROWS,
        "series": SERIES, "colours": {"green": GREEN, "red": RED, "amber": AMBER, "grey": GREY},
        "checks": checks, "dq_run": state["dq_run"], "dq_run_is_latest": latest is None or state["dq_run"] == latest["run_id"],
        "n_checks": len(checks), "n_fail": n_fail,
        "n_crit": sum(1 for c in checks if not c.get("success") and c.get("severity") != "warning"),
        "groups": table_groups(checks, {p.stem for p in suites}, state.get("history", []), recent, counts,
                               quarantine or {}),
        "history_runs": min(HISTORY_RUNS, sum(1 for r in recent if r["run_id"] in counts)),
        "rejected": state["rejected"],
        "history": [{**r, "badge": badge(r.get("status")), "started": fmt_time(r.get("started_at")),
                     "duration": fmt_duration(r), "passed": counts.get(r["run_id"], {}).get("passed", "—"),
                     "failed": counts.get(r["run_id"], {}).get("failed", "—")} for r in reversed(recent)],
        "suites": [suite_info(p) for p in suites], "data_docs": data_docs,
    }


def render(state: dict, db: Path, suites: list[Path], quarantine: dict | None = None,
           data_docs: str | None = None) -> str:
    """The whole page as one string (no I/O but the template), so tests can render without a warehouse."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(TEMPLATES_DIR), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    return env.get_template("dashboard.html.j2").render(**page_context(state, db, suites, quarantine, data_docs))


def write_dashboard(db: Path, out_dir: Path, suites_dir: Path = EXPECTATIONS_DIR, data_docs: bool = True) -> Path:
    """Write `out_dir/index.html` (and copies of the suites and quarantine files) for warehouse `db`;
    return the page path. With `data_docs`, GX Data Docs of the kept runs are built into
    `out_dir/data_docs/` first (flows.warehouse.datadocs); Data Docs found there are linked."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if data_docs:
        from flows.warehouse.datadocs import build_data_docs

        try:
            build_data_docs(Path(db), out_dir, suites_dir)
        except Exception as exc:  # the dashboard stands without GX's pages
            import sys

            print(f"dossier: warning: Data Docs not built: {type(exc).__name__}: {exc}", file=sys.stderr)
    state = read_state(Path(db))
    suites = copy_suites(suites_dir, out_dir)
    failed = [c["expectation"] for c in state["checks"] if not c.get("success")]
    quarantine = read_quarantine(Path(db), state["dq_run"], failed, out_dir)
    docs = out_dir / "data_docs" / "index.html"
    page = out_dir / "index.html"
    page.write_text(render(state, Path(db), suites, quarantine, "data_docs/index.html" if docs.exists() else None),
                    encoding="utf-8")
    return page


if __name__ == "__main__":  # python -m flows.warehouse.dashboard WAREHOUSE [OUT_DIR]
    import sys

    print(write_dashboard(Path(sys.argv[1]), Path(sys.argv[2] if len(sys.argv) > 2 else "out/dashboard")))
