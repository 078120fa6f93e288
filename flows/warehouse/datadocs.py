"""Great Expectations Data Docs for the dashboard, built offline from the runs' own results.

Each run keeps its suites' GX validation results beside the warehouse
(`<db>.gx/<run_id>/<table>.json`, flows.warehouse.validate.save_validation_results); the
warehouse invariants' results come from the run history (`dq_results`), as GX
validation results of the `warehouse` suite's UnexpectedRowsExpectations.
`build_data_docs` loads them into an in-memory GX context with a Data Docs site
in `out_dir/data_docs/` and lets GX render it: the suites, and one page per run
and suite, failures with GX's sample of unexpected values.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

from flows.warehouse.validate import EXPECTATIONS_DIR, load_invariants, results_folder

SITE = "dossier"


def _run_time(run_id: str) -> dt.datetime:
    try:
        return dt.datetime.strptime(run_id.split("-")[0], "%Y%m%dT%H%M%S").replace(tzinfo=dt.timezone.utc)
    except ValueError:
        return dt.datetime.now(dt.timezone.utc)


def _gx_version() -> str:
    from importlib.metadata import version

    return version("great_expectations")


def _invariant_results(db: Path, run_ids: list[str]) -> dict[str, dict]:
    """run id -> the warehouse suite's validation result (JSON) from that run's dq_results rows."""
    from flows.warehouse.access import connect_read_only

    checks = {e["description"]: e for e in load_invariants()}
    with connect_read_only(db) as con:
        try:
            rows = con.execute("select run_id, expectation, success, observed from dq_results "
                               "where list_contains(?, run_id)", [run_ids]).fetchall()
        except Exception:  # no history table yet
            return {}
    by_run: dict[str, list] = {}
    for run_id, name, success, observed in rows:
        if name in checks:
            by_run.setdefault(run_id, []).append((checks[name], bool(success), observed))
    out = {}
    for run_id, items in by_run.items():
        results = [{"success": ok, "expectation_config": {**exp, "kwargs": dict(exp["kwargs"])},
                    "result": {"observed_value": int(str(observed).split()[0]) if str(observed).split()[0].isdigit()
                               else observed},
                    "meta": {}, "exception_info": {"raised_exception": False, "exception_message": None,
                                                          "exception_traceback": None}}
                   for exp, ok, observed in items]
        n_ok = sum(1 for _, ok, _ in items if ok)
        out[run_id] = {"success": n_ok == len(items), "results": results, "suite_name": "warehouse",
                       "suite_parameters": {},
                       "meta": {"great_expectations_version": _gx_version(),
                                "run_id": {"run_name": run_id, "run_time": _run_time(run_id).isoformat()},
                                "active_batch_definition": {"data_asset_name": "warehouse (DuckDB, run by Dossier)"}},
                       "statistics": {"evaluated_expectations": len(items), "successful_expectations": n_ok,
                                      "unsuccessful_expectations": len(items) - n_ok,
                                      "success_percent": 100.0 * n_ok / len(items)}}
    return out


def build_data_docs(db: Path, out_dir: Path, suites_dir: Path = EXPECTATIONS_DIR) -> Path | None:
    """Render GX Data Docs of the kept runs into `out_dir/data_docs/`; its index page, or None when no
    run has kept results."""
    folder = results_folder(Path(db))
    run_dirs = sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
    if not run_dirs:
        return None
    import great_expectations as gx
    from great_expectations.core.expectation_validation_result import ExpectationSuiteValidationResult
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier, ValidationResultIdentifier)

    from flows.warehouse.validate import gx_context  # noqa: F401 - quiets GX's loggers and bars once per process

    for name in ("great_expectations", "great_expectations.render"):
        logging.getLogger(name).setLevel(logging.ERROR)
    site_dir = (Path(out_dir) / "data_docs").resolve()
    context = gx.get_context(mode="ephemeral")
    context.add_data_docs_site(site_name=SITE, site_config={
        "class_name": "SiteBuilder", "show_how_to_buttons": False,
        "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(site_dir)},
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"}})
    for path in sorted(Path(suites_dir).glob("*.json")):
        context.suites.add(gx.ExpectationSuite(**json.loads(path.read_text())))
    per_run = {d.name: {p.stem: json.loads(p.read_text()) for p in sorted(d.glob("*.json"))} for d in run_dirs}
    for run_id, result in _invariant_results(Path(db), list(per_run)).items():
        per_run.setdefault(run_id, {})["warehouse"] = result
    for run_id, suites in per_run.items():
        for suite, data in suites.items():
            key = ValidationResultIdentifier(
                expectation_suite_identifier=ExpectationSuiteIdentifier(name=suite),
                run_id=RunIdentifier(run_name=run_id, run_time=_run_time(run_id)), batch_identifier=suite)
            context.validation_results_store.set(key, ExpectationSuiteValidationResult(**data))
    context.build_data_docs(site_names=[SITE])
    return site_dir / "index.html"
