"""Run progress for the terminal: a rich bar on a terminal, a log line every few seconds otherwise
(nothing for a run shorter than that: stderr then holds only what went wrong).

The flow reports `(stage, done, total)` as each batch of documents is extracted (extraction is
vectorised per batch, so a batch is the finest unit there is) and once resolve is done.
"""

from __future__ import annotations

import sys
import time

# off a terminal (a log file, a scheduler's capture) at most one line per this many seconds per stage
LOG_EVERY_SECONDS = 5.0


class RunProgress:
    """Callable `progress(stage, done, total)`; `close()` when the run ends."""

    def __init__(self, stream=None, interactive: bool | None = None, every: float = LOG_EVERY_SECONDS,
                 clock=time.monotonic) -> None:
        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty() if interactive is None else interactive
        self.every, self.clock = every, clock
        self.started = clock()
        self.last_logged: dict[str, float] = {}
        self.bar = None
        self.tasks: dict[str, int] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        done = min(done, total)
        if self.interactive:
            self._draw(stage, done, total)
            return
        now = self.clock()
        # a run shorter than `every` says nothing (its summary follows); a longer one a line every `every`
        # seconds per stage, and one when a stage it talked about ends
        due = now - self.started >= self.every and now - self.last_logged.get(stage, -1e9) >= self.every
        if due or (done >= total and stage in self.last_logged):
            self.last_logged[stage] = now
            what = f"{done}/{total} documents ({100 * done / total:.0f}%)" if total > 1 else "done"
            print(f"dossier: {stage} {what}, {now - self.started:.0f} s", file=self.stream, flush=True)

    def _draw(self, stage: str, done: int, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, \
            TimeRemainingColumn

        if self.bar is None:
            self.bar = Progress(TextColumn("  {task.description:<8}"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[unit]}"), TimeElapsedColumn(), TimeRemainingColumn(),
                                console=Console(file=self.stream), transient=False)
            self.bar.start()
        if stage not in self.tasks:
            # a one-step stage (resolve) is a bar of one
            self.tasks[stage] = self.bar.add_task(stage, total=total, unit="documents" if total > 1 else "")
        self.bar.update(self.tasks[stage], completed=done, total=total)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
