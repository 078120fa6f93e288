"""The dashboard's charts as data for its template: scales, trend lines over runs, row-count anomalies."""

from __future__ import annotations

from datetime import datetime

W, H, PAD_L, PAD_R, PAD_T, PAD_B = 560, 240, 44, 12, 12, 44  # the charts' box, in SVG units


def fmt_time(ts: datetime | None) -> str:
    return ts.strftime("%Y-%m-%d %H:%M:%S UTC") if ts else "—"


# a row count that moves by more than this share of the previous run's count, and by at least
# ANOMALY_MIN_ROWS rows, is flagged: a load that halves the people table is worth a look
ANOMALY_SHARE = 0.5

ANOMALY_MIN_ROWS = 5

SERIES = (("n_loaded", "documents loaded", "#0969da"), ("n_people", "people", "#8250df"),
          ("n_events", "events", "#bf3989"), ("n_sanctions", "sanctions", "#1b7c83"))


def ticks(top: float) -> list[int]:
    """About four round y-axis ticks (steps of 1, 2, 5 x 10^k) from 0 to at least `top`."""
    top, step = max(top, 1), 1
    while -(-top // step) > 4:
        step = step * 5 // 2 if str(step)[0] == "2" else step * 2
    return list(range(0, int(-(-top // step) * step) + 1, step))


class Frame:
    """A plotting area: `n` runs evenly spaced left to right, values 0..top bottom to top."""

    def __init__(self, n: int, top: float, x0: float = 0, y0: float = 0, w: float = W, h: float = H,
                 pad_t: float = PAD_T) -> None:
        self.n, self.top = n, top
        self.left, self.right = x0 + PAD_L, x0 + w - PAD_R
        self.upper, self.bottom = y0 + pad_t, y0 + h - PAD_B

    def x(self, i: int) -> float:
        return round(self.left + (self.right - self.left) * (i + 0.5) / self.n, 1)

    def y(self, value: float) -> float:
        return round(self.bottom - (self.bottom - self.upper) * (value / self.top if self.top else 0), 1)

    def axes(self, runs: list[dict], y_ticks: list[int], max_labels: int = 7) -> dict:
        """Grid lines with y labels, and every k-th run's date and time under the x axis."""
        every = max(1, -(-len(runs) // max_labels))  # ceil: labels never overlap
        xs = [{"x": self.x(i), "date": r["started_at"].strftime("%Y-%m-%d") if r.get("started_at") else "",
               "time": r["started_at"].strftime("%H:%M") if r.get("started_at") else str(r.get("run_id", ""))[:13]}
              for i, r in enumerate(runs) if i % every == 0 or i == len(runs) - 1]
        return {"left": self.left, "right": self.right, "bottom": self.bottom,
                "grid": [{"y": self.y(t), "label": t} for t in y_ticks], "xs": xs}


def trend_chart(runs: list[dict], counts: dict[str, dict]) -> dict:
    """Passed (green) under failed (red) expectations per run; a grey dot when nothing was checked."""
    totals = [int(c["passed"]) + int(c["failed"]) for c in counts.values()] or [1]
    y_ticks = ticks(max(totals))
    f = Frame(len(runs), y_ticks[-1])
    bw = round(min(34.0, (f.right - f.left) / max(len(runs), 1) * 0.62), 1)
    points = []
    for i, run in enumerate(runs):
        c = counts.get(run["run_id"])
        point = {"run_id": run.get("run_id"), "x": f.x(i), "bw": bw, "bottom": f.bottom}
        if not c:
            point.update(checked=False, tip=f"{run.get('run_id')}: no checks ({run.get('message') or run.get('status')})")
        else:
            passed, failed = int(c["passed"]), int(c["failed"])
            point.update(checked=True, passed=passed, failed=failed, y_pass=f.y(passed), y_all=f.y(passed + failed),
                         tip=f"{run.get('run_id')} ({run.get('status')}): {passed} passed, {failed} failed")
        points.append(point)
    return {"w": W, "h": H, "axes": f.axes(runs, y_ticks), "points": points}


def anomalies(runs: list[dict]) -> list[dict]:
    """Row-count changes beyond the bound, run after run: each as {run_id, key, label, before, after, change}."""
    found = []
    for key, label, _ in SERIES:
        before = None
        for run in runs:
            value = run.get(key)
            if value is None:
                continue
            if before is not None and abs(value - before) >= ANOMALY_MIN_ROWS and (
                    before == 0 or abs(value - before) / before > ANOMALY_SHARE):
                change = f"{(value - before) / before:+.0%}" if before else "from none"
                found.append({"run_id": run["run_id"], "key": key, "label": label, "before": before,
                              "after": value, "change": change, "started_at": fmt_time(run.get("started_at"))})
            before = value
    return found


def rows_chart(runs: list[dict], flagged: list[dict]) -> dict:
    """Documents loaded, people, events and sanctions after each run: one panel each (2 x 2), each
    with its own scale so that a small table's change is not a flat line; anomalies ringed in red."""
    marks = {(a["run_id"], a["key"]) for a in flagged}
    pw, ph = W // 2, H
    panels = []
    for k, (key, label, colour) in enumerate(SERIES):
        values = [r.get(key) for r in runs if r.get(key) is not None] or [1]
        y_ticks = ticks(max(values))
        f = Frame(len(runs), y_ticks[-1], x0=(k % 2) * pw, y0=(k // 2) * ph, w=pw, h=ph, pad_t=PAD_T + 18)
        segments, current, dots = [], [], []
        for i, run in enumerate(runs):
            value = run.get(key)
            if value is None:  # a run without the count (failed early) breaks the line
                segments, current = segments + [current], []
                continue
            current.append(f"{f.x(i)},{f.y(value)}")
            dots.append({"x": f.x(i), "y": f.y(value), "anomaly": (run["run_id"], key) in marks,
                         "tip": f"{run.get('run_id')}: {label} = {value}"})
        panels.append({"key": key, "label": label, "colour": colour, "title_x": f.left, "title_y": f.upper - 14,
                       "axes": f.axes(runs, y_ticks, max_labels=4),
                       "lines": [" ".join(s) for s in segments + [current] if len(s) > 1], "dots": dots})
    return {"w": W, "h": 2 * H, "panels": panels}
