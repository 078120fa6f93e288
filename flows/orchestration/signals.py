"""SIGTERM as a clean stop: the run unwinds (spool removed, lock let go, history written), then the CLI's process exits 143."""

from __future__ import annotations

import os


class RunTerminated(BaseException):
    """SIGTERM (a scheduler stopping the run, `kill`): unwinds the run like Ctrl-C, recorded as failed."""


TERMINATED_MESSAGE = ("dossier: terminated (SIGTERM); the warehouse kept the previous state and the history "
                      "records the run as failed")


_exit_on_termination = False


def terminate_on_sigterm(exit_process: bool = False) -> None:
    """From now on SIGTERM raises RunTerminated in the main thread (Prefect raises its own
    TerminationSignal while a flow runs): the run unwinds (spool removed, lock released, history
    written) instead of dying mid-write or being ignored. `exit_process` (the CLI owns its process):
    once recorded, the process exits at once (143) instead of waiting for a batch still extracting in a
    worker thread, which Prefect's task runner would join."""
    import signal

    global _exit_on_termination
    _exit_on_termination = exit_process

    def handler(signum, frame):
        raise RunTerminated("terminated by SIGTERM")

    signal.signal(signal.SIGTERM, handler)


def exit_if_terminating() -> None:
    """After a terminated run is recorded: leave now when the CLI asked for it (terminate_on_sigterm)."""
    if _exit_on_termination:
        import sys

        print(TERMINATED_MESSAGE, file=sys.stderr)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(143)
