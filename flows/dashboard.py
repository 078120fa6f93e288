"""Static data-quality dashboard: one self-contained HTML page from the warehouse.

`write_dashboard(db, out_dir)` reads the run history (`runs`, `dq_results`, via the
sidecar when present) and the `documents` table, and writes `out_dir/index.html`:
the latest run, pass/fail per table and expectation, trend charts over runs,
rejected documents, and links to the Great Expectations suites (copied next to
the page so the links work offline).

The page has inline CSS and inline SVG only: no JavaScript, no external
resources, so it can be mailed, archived as a CI artifact or opened from disk.
Every string that comes from the warehouse goes through `html.escape`.
"""

from __future__ import annotations

import html
import json
import shutil
from datetime import datetime
from pathlib import Path

import duckdb

from flows.load import connect_read_only

EXPECTATIONS_DIR = Path(__file__).resolve().parent.parent / "expectations"
TREND_RUNS = 30  # the charts show this many most recent runs; more would crowd the x axis
GREEN, RED, AMBER, GREY = "#1a7f37", "#cf222e", "#b7791f", "#8c959f"
SERIES = (("n_loaded", "documents loaded", "#0969da"), ("n_people", "people", "#8250df"),
          ("n_events", "events", "#bf3989"), ("n_sanctions", "sanctions", "#1b7c83"))


def esc(value: object) -> str:
    """Escape any warehouse value for HTML text or attribute context; None becomes an em dash."""
    return "—" if value is None else html.escape(str(value), quote=True)


# ---------------------------------------------------------------- reading


def _connect(db: Path) -> duckdb.DuckDBPyConnection:
    """Read-only connection; when only the sidecar exists (first run failed) attach it alone."""
    return connect_read_only(db)


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    """Query as a list of dicts; a missing table (fresh or partial warehouse) reads as empty."""
    try:
        cur = con.execute(sql, params or [])
    except duckdb.CatalogException:
        return []
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def read_state(db: Path) -> dict:
    """Everything the page shows, read in one short read-only session."""
    con = _connect(db)
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
        rejected = _rows(con, "select source_path, status, reject_reason from documents "
                              "where status <> 'loaded' order by status, source_path")
    finally:
        con.close()
    return {"runs": runs, "counts": {c["run_id"]: c for c in counts}, "dq_run": dq_run,
            "checks": checks, "rejected": rejected}


# ---------------------------------------------------------------- formatting


def _fmt_time(ts: datetime | None) -> str:
    return ts.strftime("%Y-%m-%d %H:%M:%S UTC") if ts else "—"


def _fmt_duration(run: dict) -> str:
    start, end = run.get("started_at"), run.get("finished_at")
    if not start or not end:
        return "—"
    secs = (end - start).total_seconds()
    return f"{secs:.1f} s" if secs < 120 else f"{int(secs // 60)} min {int(secs % 60)} s"


def _badge(status: str | None) -> str:
    """Status pill: green for success, red for any failure, grey when unknown."""
    kind = {"success": "ok", "failed_dq": "bad", "failed": "bad"}.get(status or "", "unknown")
    label = {"success": "success", "failed_dq": "failed data quality", "failed": "failed"}.get(status or "", status)
    return f'<span class="badge {kind}">{esc(label or "unknown")}</span>'


def _stage_seconds(raw: str | None) -> dict[str, float]:
    """stage_seconds is a JSON object; tolerate null or malformed text from older runs."""
    try:
        data = json.loads(raw or "{}")
    except (TypeError, ValueError):
        return {}
    return {str(k): float(v) for k, v in data.items() if isinstance(v, (int, float))} if isinstance(data, dict) else {}


def _short_run(run: dict, same_day: bool = False) -> str:
    """Axis label: time of day when all runs share a date, else month-day and minute."""
    ts = run.get("started_at")
    if not ts:
        return str(run.get("run_id", ""))[:13]
    return ts.strftime("%H:%M:%S" if same_day else "%m-%d %H:%M")


# ---------------------------------------------------------------- sections


def _latest_card(run: dict | None, db: Path) -> str:
    """Headline card: id, status badge, time, duration, counts, and the failure message."""
    if run is None:
        return ('<section class="card wide"><h2>Latest run</h2><p class="empty">No runs recorded yet in '
                f'<code>{esc(Path(db).name)}</code>. Run <code>dossier run</code> first.</p></section>')
    stats = [("files", "n_files"), ("read", "n_processed"), ("unchanged", "n_skipped"),
             ("loaded", "n_loaded"), ("rejected", "n_rejected"), ("duplicates", "n_duplicates"),
             ("people", "n_people"), ("events", "n_events"), ("sanctions", "n_sanctions"),
             ("checks failed", "n_dq_failed")]
    tiles = "".join(
        f'<div class="stat{" alert" if key == "n_dq_failed" and run.get(key) else ""}">'
        f'<span class="num">{esc(run.get(key))}</span><span class="lbl">{label}</span></div>'
        for label, key in stats)
    failed = run.get("status") in ("failed_dq", "failed")
    msg_cls = "message bad" if failed else "message"
    message = f'<p class="{msg_cls}"><strong>Message:</strong> {esc(run["message"])}</p>' if run.get("message") else ""
    return (f'<section class="card wide latest {"is-bad" if failed else "is-ok"}"><h2>Latest run</h2>'
            f'<div class="run-head">{_badge(run.get("status"))}<code class="run-id">{esc(run.get("run_id"))}</code></div>'
            f'<dl class="meta"><dt>Started</dt><dd>{_fmt_time(run.get("started_at"))}</dd>'
            f'<dt>Duration</dt><dd>{_fmt_duration(run)}</dd></dl>{message}'
            f'<div class="stats">{tiles}</div>{_stages(run.get("stage_seconds"))}</section>')


def _stages(raw: str | None) -> str:
    """Horizontal bars of seconds per stage, so a slow stage stands out."""
    stages = _stage_seconds(raw)
    if not stages:
        return ""
    top = max(stages.values()) or 1.0
    bars = "".join(
        f'<div class="stage"><span class="sname">{esc(name)}</span>'
        f'<span class="sbar"><span style="width:{max(secs / top * 100, 1):.1f}%"></span></span>'
        f'<span class="ssec">{secs:.2f} s</span></div>'
        for name, secs in stages.items())
    return f'<div class="stages"><h3>Seconds per stage</h3>{bars}</div>'


def _check_row(check: dict) -> str:
    ok = bool(check.get("success"))
    sev = check.get("severity") or "—"
    # a failed warning is reported but did not stop the load: amber, not red
    kind = "pass" if ok else ("warnfail" if sev == "warning" else "fail")
    dot = {"pass": "ok", "warnfail": "warn", "fail": "bad"}[kind]
    return (f'<tr class="{kind}"><td><span class="dot {dot}"></span>'
            f'{"pass" if ok else "FAIL"}</td><td class="sev {esc(sev)}">{esc(sev)}</td>'
            f'<td class="exp">{esc(check.get("expectation"))}</td>'
            f'<td class="obs"><code>{esc(check.get("observed"))}</code></td></tr>')


def _table_group(table: str, checks: list[dict], suites: set[str]) -> str:
    """One collapsible block per table; open (and listed first) when something failed."""
    # failed first, critical before warning, so the eye lands on what stopped the load
    checks = sorted(checks, key=lambda c: (bool(c.get("success")), c.get("severity") != "critical",
                                           str(c.get("expectation"))))
    n_fail = sum(1 for c in checks if not c.get("success"))
    n_crit = sum(1 for c in checks if not c.get("success") and c.get("severity") != "warning")
    summary = (f'<span class="badge bad">{n_fail} failed</span>' if n_crit else
               f'<span class="badge warn">{n_fail} warning{"s" * (n_fail != 1)}</span>' if n_fail else
               '<span class="badge ok">all passed</span>')
    suite = (f' <a class="suite" href="expectations/{esc(table)}.json">suite</a>' if table in suites else "")
    rows = "".join(_check_row(c) for c in checks)
    return (f'<details class="tgroup"{" open" if n_fail else ""}><summary><strong>{esc(table)}</strong>'
            f'<span class="tcount">{len(checks) - n_fail}/{len(checks)} passed</span>{summary}{suite}</summary>'
            f'<div class="scroll"><table class="checks"><thead><tr><th>Result</th><th>Severity</th><th>Expectation</th>'
            f'<th>Observed</th></tr></thead><tbody>{rows}</tbody></table></div></details>')


def _table_rank(checks: list[dict]) -> int:
    """0: a critical check failed, 1: only warnings failed, 2: all passed."""
    failed = [c for c in checks if not c.get("success")]
    if any(c.get("severity") != "warning" for c in failed):
        return 0
    return 1 if failed else 2


def _checks_card(state: dict, suites: set[str]) -> str:
    checks, dq_run = state["checks"], state["dq_run"]
    if not checks:
        return '<section class="card wide"><h2>Expectations</h2><p class="empty">No expectation results recorded.</p></section>'
    by_table: dict[str, list[dict]] = {}
    for c in checks:
        by_table.setdefault(str(c.get("table_name")), []).append(c)
    order = sorted(by_table, key=lambda t: (_table_rank(by_table[t]), t))
    latest = state["runs"][-1]["run_id"] if state["runs"] else None
    # a "no changes" run checks nothing; say which run the results come from
    note = "" if dq_run == latest else f'<p class="note">Latest run checked nothing; showing run <code>{esc(dq_run)}</code>.</p>'
    n_fail = sum(1 for c in checks if not c.get("success"))
    n_crit = sum(1 for c in checks if not c.get("success") and c.get("severity") != "warning")
    head = (f'<p class="summary-line"><strong>{len(checks) - n_fail}</strong> passed · '
            f'<strong class="{"red" if n_fail else ""}">{n_fail}</strong> failed '
            f'(<strong class="{"red" if n_crit else ""}">{n_crit}</strong> critical) · {len(by_table)} tables</p>')
    groups = "".join(_table_group(t, by_table[t], suites) for t in order)
    return f'<section class="card wide"><h2>Expectations by table</h2>{note}{head}{groups}</section>'


# ---------------------------------------------------------------- charts (inline SVG)

W, H, PAD_L, PAD_R, PAD_T, PAD_B = 560, 230, 40, 12, 12, 34


def _ticks(top: float) -> list[int]:
    """About four round y-axis ticks (steps of 1, 2, 5 x 10^k) from 0 to at least `top`."""
    top, step = max(top, 1), 1
    while -(-top // step) > 4:
        step = step * 5 // 2 if str(step)[0] == "2" else step * 2
    return list(range(0, int(-(-top // step) * step) + 1, step))


def _x(i: int, n: int) -> float:
    """Centre of run i of n on the x axis (runs are evenly spaced, oldest left)."""
    width = W - PAD_L - PAD_R
    return PAD_L + width * (i + 0.5) / n


def _y(value: float, top: float) -> float:
    return H - PAD_B - (H - PAD_T - PAD_B) * (value / top if top else 0)


def _axes(runs: list[dict], ticks: list[int]) -> str:
    """Grid lines, y labels, and every k-th run label along the x axis."""
    top = ticks[-1]
    parts = [f'<line class="grid" x1="{PAD_L}" x2="{W - PAD_R}" y1="{_y(t, top):.1f}" y2="{_y(t, top):.1f}"/>'
             f'<text class="ylab" x="{PAD_L - 6}" y="{_y(t, top) + 4:.1f}">{t}</text>' for t in ticks]
    every = max(1, -(-len(runs) // 7))  # ceil: at most ~7 labels, so they never overlap
    same_day = len({r["started_at"].date() for r in runs if r.get("started_at")}) <= 1
    parts += [f'<text class="xlab" x="{_x(i, len(runs)):.1f}" y="{H - PAD_B + 18}">{esc(_short_run(r, same_day))}</text>'
              for i, r in enumerate(runs) if i % every == 0 or i == len(runs) - 1]
    parts.append(f'<line class="axis" x1="{PAD_L}" x2="{W - PAD_R}" y1="{H - PAD_B}" y2="{H - PAD_B}"/>')
    return "".join(parts)


def _svg(chart_id: str, label: str, body: str) -> str:
    return (f'<svg id="{chart_id}" class="chart" viewBox="0 0 {W} {H}" role="img" aria-label="{esc(label)}" '
            f'preserveAspectRatio="xMidYMid meet">{body}</svg>')


def _trend_bar(i: int, run: dict, counts: dict | None, n: int, top: int) -> str:
    """Stacked bar for one run: passed (green) under failed (red); a grey dot when nothing was checked."""
    x, bw = _x(i, n), min(34.0, (W - PAD_L - PAD_R) / n * 0.62)
    if not counts:
        tip = f"{run.get('run_id')}: no checks ({run.get('message') or run.get('status')})"
        return (f'<g class="trend-point" data-run="{esc(run.get("run_id"))}"><title>{esc(tip)}</title>'
                f'<circle cx="{x:.1f}" cy="{H - PAD_B - 4}" r="4" fill="{GREY}"/></g>')
    passed, failed = int(counts["passed"]), int(counts["failed"])
    y_pass, y_all = _y(passed, top), _y(passed + failed, top)
    tip = f"{run.get('run_id')} ({run.get('status')}): {passed} passed, {failed} failed"
    rects = f'<rect x="{x - bw / 2:.1f}" y="{y_pass:.1f}" width="{bw:.1f}" height="{H - PAD_B - y_pass:.1f}" fill="{GREEN}" rx="2"/>'
    if failed:
        rects += f'<rect x="{x - bw / 2:.1f}" y="{y_all:.1f}" width="{bw:.1f}" height="{y_pass - y_all:.1f}" fill="{RED}" rx="2"/>'
    return (f'<g class="trend-point" data-run="{esc(run.get("run_id"))}" data-passed="{passed}" '
            f'data-failed="{failed}"><title>{esc(tip)}</title>{rects}</g>')


def trend_chart(runs: list[dict], counts: dict[str, dict]) -> str:
    """SVG id=trend-chart: passed vs failed expectations per run."""
    totals = [int(c["passed"]) + int(c["failed"]) for c in counts.values()] or [1]
    ticks = _ticks(max(totals))
    bars = "".join(_trend_bar(i, r, counts.get(r["run_id"]), len(runs), ticks[-1]) for i, r in enumerate(runs))
    return _svg("trend-chart", "Passed and failed expectations per run", _axes(runs, ticks) + bars)


def _series(runs: list[dict], key: str, colour: str, top: int) -> str:
    """One line plus dots; a run without the count (failed early) breaks the line."""
    n, segments, current, dots = len(runs), [], [], []
    for i, run in enumerate(runs):
        value = run.get(key)
        if value is None:
            segments, current = segments + [current], []
            continue
        x, y = _x(i, n), _y(value, top)
        current.append(f"{x:.1f},{y:.1f}")
        dots.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}">'
                    f'<title>{esc(run.get("run_id"))}: {esc(key)} = {esc(value)}</title></circle>')
    lines = "".join(f'<polyline points="{" ".join(s)}" fill="none" stroke="{colour}" stroke-width="2.2" '
                    f'stroke-linejoin="round"/>' for s in segments + [current] if len(s) > 1)
    return f'<g class="series" data-series="{key}">{lines}{"".join(dots)}</g>'


def rows_chart(runs: list[dict]) -> str:
    """SVG id=rows-chart: documents loaded, people, events and sanctions after each run."""
    values = [r.get(k) for r in runs for k, _, _ in SERIES if r.get(k) is not None] or [1]
    ticks = _ticks(max(values))
    body = _axes(runs, ticks) + "".join(_series(runs, k, c, ticks[-1]) for k, _, c in SERIES)
    return _svg("rows-chart", "Row counts per table over runs", body)


def _legend(items: list[tuple[str, str]]) -> str:
    return '<ul class="legend">' + "".join(
        f'<li><span class="swatch" style="background:{c}"></span>{esc(t)}</li>' for t, c in items) + "</ul>"


# ---------------------------------------------------------------- more sections


def _trend_card(runs: list[dict], counts: dict[str, dict]) -> str:
    if not runs:
        return ""
    recent = runs[-TREND_RUNS:]
    scope = f"last {len(recent)} of {len(runs)} runs" if len(runs) > len(recent) else f"{len(runs)} run{'s' * (len(runs) != 1)}"
    trend_legend = _legend([("passed", GREEN), ("failed", RED), ("nothing checked (no changes)", GREY)])
    return (f'<section class="card"><h2>Expectations per run <small>{scope}</small></h2>'
            f'{trend_chart(recent, counts)}{trend_legend}</section>'
            f'<section class="card"><h2>Rows per table <small>{scope}</small></h2>'
            f'{rows_chart(recent)}{_legend([(label, c) for _, label, c in SERIES])}</section>')


def _history_card(runs: list[dict], counts: dict[str, dict]) -> str:
    """Most recent runs first, with status and check counts, so a failure is easy to date."""
    if not runs:
        return ""
    rows = "".join(
        f'<tr><td><code>{esc(r.get("run_id"))}</code></td><td>{_badge(r.get("status"))}</td>'
        f'<td>{_fmt_time(r.get("started_at"))}</td><td class="n">{_fmt_duration(r)}</td>'
        f'<td class="n">{esc(counts.get(r["run_id"], {}).get("passed", "—"))}</td>'
        f'<td class="n">{esc(counts.get(r["run_id"], {}).get("failed", "—"))}</td>'
        f'<td class="msg">{esc(r.get("message") or "")}</td></tr>'
        for r in reversed(runs[-TREND_RUNS:]))
    return ('<section class="card wide"><h2>Run history</h2><div class="scroll"><table class="runs">'
            '<thead><tr><th>Run</th><th>Status</th><th>Started</th><th>Duration</th><th>Passed</th>'
            f'<th>Failed</th><th>Message</th></tr></thead><tbody>{rows}</tbody></table></div></section>')


def _rejected_card(rejected: list[dict]) -> str:
    if not rejected:
        body = '<p class="empty ok-text">No rejected or duplicate documents.</p>'
    else:
        rows = "".join(
            f'<tr><td class="path"><code>{esc(d.get("source_path"))}</code></td>'
            f'<td><span class="badge {"warn" if d.get("status") == "duplicate" else "bad"}">{esc(d.get("status"))}</span></td>'
            f'<td>{esc(d.get("reject_reason"))}</td></tr>' for d in rejected)
        body = ('<div class="scroll"><table class="docs"><thead><tr><th>Source path</th><th>Status</th>'
                f'<th>Reason</th></tr></thead><tbody>{rows}</tbody></table></div>')
    return f'<section class="card wide"><h2>Rejected documents <small>{len(rejected)}</small></h2>{body}</section>'


def _suite_info(path: Path) -> tuple[int, int]:
    """(critical, warning) expectation counts of one suite file; (0, 0) when unreadable."""
    try:
        items = json.loads(path.read_text(encoding="utf-8")).get("expectations", [])
    except (OSError, ValueError, AttributeError):
        return 0, 0
    crit = sum(1 for e in items if isinstance(e, dict) and e.get("severity", "critical") == "critical")
    return crit, len(items) - crit


def _suites_card(suites: list[Path]) -> str:
    if not suites:
        return ""
    items = "".join(
        f'<li><a href="expectations/{esc(p.name)}">{esc(p.stem)}</a>'
        f'<span class="muted">{c} critical · {w} warning</span></li>'
        for p, (c, w) in ((p, _suite_info(p)) for p in suites))
    return ('<section class="card"><h2>Great Expectations suites</h2><p class="note">The expectation suites '
            'checked on every run (JSON, Great Expectations format; <em>critical</em> stops the load, '
            f'<em>warning</em> is reported).</p><ul class="suites">{items}</ul></section>')


def _copy_suites(src: Path, out_dir: Path) -> list[Path]:
    """Copy the suite JSON files next to the page so the relative links work offline."""
    target = out_dir / "expectations"
    target.mkdir(parents=True, exist_ok=True)
    copied = []
    for path in sorted(Path(src).glob("*.json")) if Path(src).is_dir() else []:
        if (target / path.name).resolve() != path.resolve():  # out_dir may be the repo root itself
            shutil.copyfile(path, target / path.name)
        copied.append(target / path.name)
    return copied


# ---------------------------------------------------------------- page

CSS = """
:root{--bg:#f3f5f9;--card:#fff;--ink:#1f2328;--muted:#656d76;--line:#d8dee4;--green:#1a7f37;--red:#cf222e;
--amber:#9a6700;--blue:#0969da;--head:#0d1b2a}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,
"Helvetica Neue",Arial,sans-serif}
header{background:linear-gradient(120deg,#0d1b2a,#1b3a5c);color:#fff;padding:28px 32px 24px}
header h1{margin:0;font-size:28px;letter-spacing:-.01em}
header p{margin:6px 0 0;color:#c9d6e3}
header .badge{vertical-align:middle;margin-left:8px}
main{max-width:1240px;margin:0 auto;padding:24px 24px 48px;display:grid;gap:20px;
grid-template-columns:repeat(2,minmax(0,1fr))}
.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:20px 22px;
box-shadow:0 1px 2px rgba(31,35,40,.06)}
.wide{grid-column:1/-1}
.latest.is-ok{border-top:5px solid var(--green)}
.latest.is-bad{border-top:5px solid var(--red)}
h2{margin:0 0 12px;font-size:18px}
h2 small{font-weight:400;color:var(--muted);font-size:13px;margin-left:6px}
h3{font-size:13px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin:18px 0 8px}
code{font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.badge{display:inline-block;padding:2px 10px;border-radius:999px;font-size:12px;font-weight:600;
text-transform:uppercase;letter-spacing:.04em;white-space:nowrap}
.badge.ok{background:#dafbe1;color:var(--green);border:1px solid #4ac26b}
.badge.bad{background:#ffebe9;color:var(--red);border:1px solid #ff8182}
.badge.warn{background:#fff8c5;color:var(--amber);border:1px solid #d4a72c}
.badge.unknown{background:#eaeef2;color:var(--muted);border:1px solid var(--line)}
.run-head{display:flex;gap:12px;align-items:center;flex-wrap:wrap}
.run-head .badge{font-size:14px;padding:4px 14px}
.run-id{font-size:15px}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:12px 0}
.meta dt{color:var(--muted)}.meta dd{margin:0}
.message{background:#f6f8fa;border-left:4px solid var(--line);padding:8px 12px;border-radius:4px;
overflow-wrap:anywhere}
.message.bad{background:#fff5f5;border-left-color:var(--red)}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(96px,1fr));gap:10px;margin-top:14px}
.stat{background:#f6f8fa;border-radius:8px;padding:10px 12px;display:flex;flex-direction:column}
.stat .num{font-size:22px;font-weight:700;font-variant-numeric:tabular-nums}
.stat .lbl{font-size:12px;color:var(--muted)}
.stat.alert{background:#ffebe9}.stat.alert .num{color:var(--red)}
.stages{max-width:720px}
.stage{display:grid;grid-template-columns:90px 1fr 70px;gap:10px;align-items:center;font-size:13px}
.sbar{background:#eaeef2;border-radius:4px;height:10px;overflow:hidden}
.sbar span{display:block;height:100%;background:var(--blue);border-radius:4px}
.ssec{text-align:right;font-variant-numeric:tabular-nums;color:var(--muted)}
.chart{width:100%;height:auto;display:block}
.chart .grid{stroke:#eaeef2}.chart .axis{stroke:#8c959f}
.chart text{font:12px system-ui,sans-serif;fill:#656d76}
.chart .ylab{text-anchor:end}.chart .xlab{text-anchor:middle}
.legend{list-style:none;padding:0;margin:8px 0 0;display:flex;flex-wrap:wrap;gap:6px 16px;font-size:13px;
color:var(--muted)}
.swatch{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:6px;vertical-align:-1px}
.summary-line{margin:0 0 12px;color:var(--muted)}.summary-line strong{color:var(--ink)}
strong.red{color:var(--red)!important}
.note{color:var(--muted);font-size:13px;margin:0 0 10px}
details.tgroup{border:1px solid var(--line);border-radius:8px;margin:8px 0;overflow:hidden}
details.tgroup>summary{cursor:pointer;padding:10px 14px;background:#f6f8fa;display:flex;gap:12px;
align-items:center;list-style-position:inside}
details.tgroup[open]>summary{border-bottom:1px solid var(--line)}
.tcount{color:var(--muted);font-size:13px;margin-left:auto;white-space:nowrap}
details.tgroup>summary{flex-wrap:wrap}
a{color:var(--blue);text-decoration:none}a:hover{text-decoration:underline}
a.suite{font-size:13px}
table{width:100%;border-collapse:collapse;font-size:13.5px}
th{text-align:left;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);
font-weight:600;padding:8px 10px;border-bottom:1px solid var(--line)}
td{padding:7px 10px;border-bottom:1px solid #eef1f4;vertical-align:top}
tr:last-child td{border-bottom:0}
tr.fail td{background:#fff5f5}
tr.fail td:first-child{color:var(--red);font-weight:700}
tr.warnfail td{background:#fffbea}tr.warnfail td:first-child{color:var(--amber);font-weight:700}
td.exp{overflow-wrap:anywhere}td.obs{max-width:340px;overflow-wrap:anywhere;color:var(--muted)}
td.sev.critical{color:var(--red);font-weight:600}td.sev.warning{color:var(--amber);font-weight:600}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.msg{color:var(--muted);overflow-wrap:anywhere;max-width:380px}td.path{overflow-wrap:anywhere}
.dot{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:7px}
.dot.ok{background:var(--green)}.dot.bad{background:var(--red)}.dot.warn{background:#d4a72c}
table.runs td:nth-child(-n+4){white-space:nowrap}
.scroll{overflow-x:auto}
.empty{color:var(--muted);margin:0}.ok-text{color:var(--green)}
.suites{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));
gap:8px}
.suites li{border:1px solid var(--line);border-radius:8px;padding:10px 12px;display:flex;flex-direction:column}
.suites a{font-weight:600}.muted{color:var(--muted);font-size:12.5px}
footer{text-align:center;color:var(--muted);font-size:12px;padding:0 0 32px}
@media (max-width:860px){main{grid-template-columns:minmax(0,1fr);padding:16px}header{padding:22px 18px}}
"""


def render(state: dict, db: Path, suites: list[Path]) -> str:
    """The whole page as one string (no I/O), so tests can render without touching disk."""
    runs, counts = state["runs"], state["counts"]
    latest = runs[-1] if runs else None
    status = _badge(latest.get("status")) if latest else ""
    sections = [_latest_card(latest, db), _trend_card(runs, counts),
                _checks_card(state, {p.stem for p in suites}), _rejected_card(state["rejected"]),
                _history_card(runs, counts), _suites_card(suites)]
    if suites:  # the suites card is the last half-width card; make it full width so nothing dangles
        sections[-1] = sections[-1].replace('class="card"', 'class="card wide"', 1)
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width,initial-scale=1">'
            f'<title>Dossier data quality</title><style>{CSS}</style></head><body>'
            f'<header><h1>Dossier data quality {status}</h1><p>Warehouse <code>{esc(Path(db).name)}</code> · '
            f'{len(runs)} run{"s" * (len(runs) != 1)} recorded</p></header>'
            f'<main>{"".join(sections)}</main>'
            '<footer>Static page generated by <code>flows/dashboard.py</code>; no scripts, no external resources.</footer>'
            '</body></html>')


def write_dashboard(db: Path, out_dir: Path, suites_dir: Path = EXPECTATIONS_DIR) -> Path:
    """Write `out_dir/index.html` (and copies of the suites) for warehouse `db`; return the page path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    state = read_state(Path(db))
    suites = _copy_suites(suites_dir, out_dir)
    page = out_dir / "index.html"
    page.write_text(render(state, Path(db), suites), encoding="utf-8")
    return page


if __name__ == "__main__":  # python -m flows.dashboard WAREHOUSE [OUT_DIR]
    import sys

    print(write_dashboard(Path(sys.argv[1]), Path(sys.argv[2] if len(sys.argv) > 2 else "out/dashboard")))
