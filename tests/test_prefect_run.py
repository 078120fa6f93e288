"""The flow as Prefect users expect it (issue 26): run named by Dossier's run id, INFO logs and two
artifacts on the run page, extract/resolve/validate/load as tasks, the terminal kept quiet."""

from __future__ import annotations

import os

import pytest

from flows.warehouse.access import connect_read_only

pytestmark = pytest.mark.slow


def _latest_run_id(db) -> str:
    with connect_read_only(db) as con:
        return con.execute("select run_id from runs order by started_at desc limit 1").fetchone()[0]


@pytest.fixture(scope="module")
def flow_run(seeds_db):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterName

    run_id = _latest_run_id(seeds_db)
    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(flow_run_filter=FlowRunFilter(name=FlowRunFilterName(any_=[run_id])))
    assert len(runs) == 1, run_id
    return runs[0]


def test_the_flow_run_is_named_by_dossiers_run_id_26(flow_run, seeds_db):
    assert flow_run.name == _latest_run_id(seeds_db)


def test_the_run_page_has_info_logs_with_counts_and_timings_26(flow_run):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId

    import time

    deadline = time.monotonic() + 20  # Prefect sends logs in batches every ~2 s: the last may be on its way
    while True:
        with get_client(sync_client=True) as client:
            logs = client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[flow_run.id])), limit=200)
        text = "\n".join(log.message for log in logs)
        if "load: warehouse" in text or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert min(log.level for log in logs) == 20  # INFO reaches the API (it was CRITICAL: no logs at all)
    for line in ("plan: 5 files", "extract: 5 documents read: 5 loaded", "resolve: 8 people, 20 events, 7 sanctions",
                 "validate:", "load: warehouse"):
        assert line in text, line


def test_the_run_page_has_a_summary_and_a_data_quality_table_26(flow_run):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(
            flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run.id])))
    by_key = {a.key: a for a in artifacts}
    assert by_key["dossier-run-summary"].type == "markdown"
    assert f"Dossier run `{flow_run.name}`: success" in by_key["dossier-run-summary"].data
    assert by_key["dossier-data-quality"].type == "table"
    assert "person_id is never null" in str(by_key["dossier-data-quality"].data)


def test_extract_resolve_validate_and_load_are_tasks_26(flow_run):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    with get_client(sync_client=True) as client:
        tasks = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run.id])))
    assert {t.name.rsplit("-", 1)[0] for t in tasks} == {"read_and_extract", "resolve", "validate", "load"}


def test_logs_go_to_the_api_at_info_and_to_the_terminal_only_when_verbose_26(monkeypatch):
    from flows.orchestration.prefect_env import configure_prefect

    for key in ("PREFECT_LOGGING_LEVEL", "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL"):
        monkeypatch.delenv(key, raising=False)
    configure_prefect(verbose=False)
    assert os.environ["PREFECT_LOGGING_LEVEL"] == "INFO"
    assert os.environ["PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL"] == "CRITICAL"
    monkeypatch.delenv("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL")
    configure_prefect(verbose=True)
    assert os.environ["PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL"] == "INFO"


def test_the_served_server_keeps_its_ui_pointed_at_its_own_api_26(monkeypatch, tmp_path):
    import subprocess

    from flows.orchestration import prefect_env as settings

    seen = {}

    class FakeServer:
        def __init__(self, cmd, env, **kw):
            seen["cmd"], seen["env"] = cmd, env

        def poll(self):
            return None

    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    monkeypatch.setattr(subprocess, "Popen", FakeServer)
    monkeypatch.setattr(settings, "_wait_healthy", lambda *a, **k: None)
    monkeypatch.setattr(settings, "_stop", lambda *a, **k: None)
    with settings.local_prefect_server() as url:
        port = seen["cmd"][seen["cmd"].index("--port") + 1]
        assert url == f"http://127.0.0.1:{port}/api" == os.environ["PREFECT_API_URL"]
    assert seen["env"]["PREFECT_UI_ENABLED"] == "true"
    assert seen["env"]["PREFECT_SERVER_UI_API_URL"] == url
