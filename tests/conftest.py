"""Shared fixtures: paths, a Prefect test harness, and one seeds warehouse per test session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import polars as pl
import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED_GOLD = ROOT.parent / "shared" / "gold" / "seeds.json"
DEV_DIR = ROOT / "tests" / "data" / "dev"
DEV_GOLD = ROOT / "tests" / "data" / "dev_gold.json"


def sentences_of(text: str, doc_id: str = "d1", published=None) -> pl.DataFrame:
    """Sentence frame of one inline text, as the clean stage makes it."""
    from flows.extraction.clean import clean_documents, split_sentences

    docs = pl.DataFrame({"doc_id": [doc_id], "text": [text], "published_at": [published], "status": ["loaded"]},
                        schema={"doc_id": pl.String, "text": pl.String, "published_at": pl.Date, "status": pl.String})
    return split_sentences(clean_documents(docs))


@pytest.fixture(scope="session")
def prefect_home(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("prefect")
    os.environ["DOSSIER_PREFECT_HOME"] = str(home)
    from flows.orchestration.prefect_env import configure_prefect

    configure_prefect(home)
    return home


@pytest.fixture(scope="session")
def harness(prefect_home):
    """One Prefect test harness (temporary API database) for the whole session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def seeds_db(harness, tmp_path_factory) -> Path:
    """A warehouse built once from the seeds by the real flow."""
    from flows.orchestration.flow import dossier_flow

    db = tmp_path_factory.mktemp("wh") / "seeds.duckdb"
    dossier_flow(source=str(SEEDS), db=str(db))
    return db


@pytest.fixture
def seeds_copy(seeds_db, tmp_path) -> Path:
    """A private copy of the seeds warehouse (with its run history) a test may change."""
    db = tmp_path / "w.duckdb"
    shutil.copyfile(seeds_db, db)
    ops = Path(str(seeds_db) + ".ops.duckdb")
    if ops.exists():
        shutil.copyfile(ops, Path(str(db) + ".ops.duckdb"))
    return db


@pytest.fixture(scope="session")
def dev_db(harness, tmp_path_factory) -> Path:
    """A warehouse built once from the development set (tests/data/dev) by the real flow."""
    from flows.orchestration.flow import dossier_flow

    db = tmp_path_factory.mktemp("dev") / "dev.duckdb"
    dossier_flow(source=str(DEV_DIR), db=str(db))
    return db
