"""Process-wide settings applied before Prefect is imported: quiet, local, no analytics."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def configure_prefect(home: Path | None = None, verbose: bool = False) -> None:
    """Keep Prefect's state in a project-local folder; run logs at INFO go to Prefect's API (the run page),
    and to the terminal only when verbose."""
    home = Path(home or os.environ.get("DOSSIER_PREFECT_HOME") or Path.cwd() / ".prefect")
    defaults = {
        "PREFECT_HOME": str(home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        # the run page shows the flow's INFO logs (plan, counts, timings, rejected documents) ...
        "PREFECT_LOGGING_LEVEL": "INFO",
        # ... while the terminal's handler shows them only with --verbose: flow errors are reported by the
        # CLI in one line, Prefect's traceback only with --verbose
        "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "INFO" if verbose else "CRITICAL",
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


def prepare_prefect_home(home: Path, env: dict | None = None) -> float | None:
    """Create Prefect's API database in `home` unless it is there; seconds taken, None if nothing to do.

    A first run in a fresh Prefect home pays the database's migrations (~6 s; the seeds took 15 s instead
    of 9 s): `make run` and the benchmark create it beforehand. A failure is left to the flow, which
    creates the database itself."""
    home = Path(home)
    if (home / "prefect.db").exists():
        return None
    home.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "prefect", "server", "database", "upgrade", "-y"],
                   env={**(env or os.environ), "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"},
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600, check=False)
    return round(time.perf_counter() - t0, 3)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(proc: subprocess.Popen, api_url: str, timeout: float, poll: float) -> str | None:
    """Poll the server's /health until it answers 200; else why not ('it exited' or 'timed out')."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(api_url + "/health", timeout=2) as resp:
                if resp.status == 200:
                    return None
        except OSError:
            pass
        if proc.poll() is not None:
            return "it exited"
        if time.monotonic() > deadline:
            return "timed out"
        time.sleep(poll)


def _stop(proc: subprocess.Popen, timeout: float) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def die_with_parent() -> None:
    """preexec_fn of a child server: the kernel sends it SIGTERM when the process that started it dies,
    however that process dies (SIGKILL, OOM killer); without it the server outlived a killed run.
    Linux only (prctl PR_SET_PDEATHSIG); elsewhere the parent's own cleanup still stops it."""
    import ctypes
    import signal

    parent = os.getppid()
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def hide_temporary_ui_links() -> None:
    """Drop Prefect's 'View at http://127.0.0.1:PORT/runs/...' line for runs on the temporary API
    server: it has no UI and is gone when the run ends, so the link leads nowhere."""
    import logging

    class NoViewLink(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            return not str(record.msg).startswith("View at ")

    logging.getLogger("prefect.flow_runs").addFilter(NoViewLink())


def _port(preferred: int = 4200) -> int:
    """Prefect's usual port when it is free, else any free one."""
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", preferred))
            return preferred
        except OSError:
            pass
    return _free_port()


@contextlib.contextmanager
def local_prefect_server(enabled: bool = True, timeout: float = 120.0):
    """Run `prefect server start` (API, scheduler and UI) on port 4200 (or a free one) while the block runs;
    yields the API address."""
    if not enabled:
        yield None
        return
    port = _port()
    home = Path(os.environ["PREFECT_HOME"])
    log = open(home / "server.log", "ab")
    # the UI too: a served deployment is watched in it (configure_prefect turns it off for plain runs)
    url = f"http://127.0.0.1:{port}/api"
    # the UI's own API address defaults to port 4200 whatever --port says: point it at this server
    env = dict(os.environ, PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS="5", PREFECT_UI_ENABLED="true",
               PREFECT_SERVER_UI_API_URL=url)
    proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                             "--port", str(port)], stdout=log, stderr=log, env=env, start_new_session=True,
                            preexec_fn=die_with_parent)
    try:
        if _wait_healthy(proc, url, timeout, poll=0.5):
            raise RuntimeError(f"the local Prefect server did not start; see {home / 'server.log'}")
        os.environ["PREFECT_API_URL"] = url
        yield url
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        _stop(proc, timeout=20)
        log.close()


class EarlyPrefectServer:
    """Prefect's own temporary API server, started before the heavy imports instead of after them.

    A flow called without `PREFECT_API_URL` starts this same server (uvicorn on
    `prefect.server.api.server:create_app`, ephemeral mode, no UI) and waits ~5 s
    for it. Launching it first lets that boot overlap importing Prefect, polars and
    Great Expectations. `PREFECT_API_URL` is set at launch, before Prefect reads
    its settings, so the flow's client uses this server; it stops when the run ends.
    Does nothing when the user already points Prefect at a server.
    """

    def __init__(self) -> None:
        self.proc: subprocess.Popen | None = None
        self.url = os.environ.get("PREFECT_API_URL")
        if self.url:
            return
        import importlib.util
        import atexit

        spec = importlib.util.find_spec("prefect")
        app_dir = str(Path(spec.origin).parent.parent)
        port = _free_port()
        env = dict(os.environ, PREFECT_UI_ENABLED="0", PREFECT__SERVER_EPHEMERAL="1", PREFECT__SERVER_FINAL="1")
        self.log_path = Path(os.environ.get("PREFECT_HOME", ".")) / "temporary-server.log"
        log = open(self.log_path, "wb")  # a file, not a pipe: a chatty server can never block on it
        self.proc = subprocess.Popen(
            # uvicorn, launched by flows.orchestration.prefect_server: no cyclic collection while the server imports
            # (time to healthy 5.9-6.7 -> 4.4-5.6 s here)
            [sys.executable, "-m", "flows.orchestration.prefect_server", "--app-dir", app_dir, "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
             "--log-level", "error", "--lifespan", "on"],
            env=env, stdout=subprocess.DEVNULL, stderr=log, preexec_fn=die_with_parent)
        log.close()
        self.url = f"http://127.0.0.1:{port}/api"
        os.environ["PREFECT_API_URL"] = self.url
        atexit.register(self.stop)

    def wait(self, timeout: float = 90.0) -> None:
        """Block until the server answers its health check (raises, pointing at its log, if it never does)."""
        if self.proc is None:
            return
        why = _wait_healthy(self.proc, self.url, timeout, poll=0.05)
        if why:
            self.stop()
            raise RuntimeError(f"Prefect's temporary API server did not start ({why}); see {self.log_path}")

    def stop(self) -> None:
        if self.proc is None:
            return
        proc, self.proc = self.proc, None
        if os.environ.get("PREFECT_API_URL") == self.url:
            os.environ.pop("PREFECT_API_URL", None)
        _stop(proc, timeout=10)
