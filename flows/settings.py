"""Process-wide settings applied before Prefect is imported: quiet, local, no analytics."""

from __future__ import annotations

import os
from pathlib import Path


def configure_prefect(home: Path | None = None, verbose: bool = False) -> None:
    """Keep Prefect's state in a project-local folder and its logs quiet (unless verbose)."""
    home = Path(home or os.environ.get("DOSSIER_PREFECT_HOME") or Path.cwd() / ".prefect")
    defaults = {
        "PREFECT_HOME": str(home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        # flow errors are reported by the CLI in one line; Prefect's traceback only with --verbose
        "PREFECT_LOGGING_LEVEL": "INFO" if verbose else "CRITICAL",
        "PREFECT_LOGGING_LOG_PRINTS": "false",
        "PREFECT_UI_ENABLED": "false",
        "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
        "PREFECT_LOGGING_SERVER_LEVEL": "WARNING",
        "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    }
    if not verbose:
        defaults["DASK_LOGGING__DISTRIBUTED"] = "error"  # worker start/stop chatter
    for key, value in defaults.items():
        os.environ.setdefault(key, value)
    home.mkdir(parents=True, exist_ok=True)
