"""Run progress (issue 26): a bar on a terminal, a line every few seconds in a log."""

import io

from flows.orchestration.progress import RunProgress


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_off_a_terminal_a_line_every_few_seconds_and_one_when_a_stage_ends_26():
    out, clock = io.StringIO(), Clock()
    progress = RunProgress(stream=out, interactive=False, every=5, clock=clock)
    for done in range(2000, 20001, 2000):  # ten batches, one second apart
        clock.now += 1
        progress("extract", done, 20000)
    clock.now += 6
    progress("resolve", 1, 1)
    lines = out.getvalue().splitlines()
    assert lines == ["dossier: extract 10000/20000 documents (50%), 5 s",
                     "dossier: extract 20000/20000 documents (100%), 10 s",
                     "dossier: resolve done, 16 s"]


def test_a_run_shorter_than_the_interval_prints_nothing_26():
    out, clock = io.StringIO(), Clock()
    progress = RunProgress(stream=out, interactive=False, every=5, clock=clock)
    clock.now += 2
    progress("extract", 40, 40)
    progress("resolve", 1, 1)
    assert out.getvalue() == ""


def test_on_a_terminal_a_bar_counts_documents_26():
    out = io.StringIO()
    progress = RunProgress(stream=out, interactive=True)
    progress("extract", 2000, 5000)
    progress("extract", 5000, 5000)
    progress.close()
    text = out.getvalue()
    assert "extract" in text and "5000/5000" in text and "documents" in text
