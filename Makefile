# Two commands do everything on a fresh machine (Python 3.11 + package registries):
#   make run    build the environment if needed, then run the flow on seeds/
#   make test   build the environment if needed, then run the test suite
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= warehouse.duckdb
SOURCE ?= seeds
PREFECT_DB := .prefect/prefect.db

.PHONY: setup run test browser postgres lock bench bench-deps clean

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@# PyICU (followthemoney -> normality) builds from source against ICU's headers (issue 25)
	@scripts/install_debian.sh libicu-dev /usr/include/unicode/uversion.h
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $(STAMP)

run: setup $(PREFECT_DB)
	$(BIN)/dossier run --source $(SOURCE) --db $(DB)

# Prefect's API database in the project's Prefect home (.prefect/, where `dossier run` keeps it), created
# once here: its migrations would otherwise take ~6 s of the first run (seeds 15 s instead of 9 s)
$(PREFECT_DB): $(STAMP)
	$(BIN)/python -c "from flows.orchestration.prefect_env import prepare_prefect_home; prepare_prefect_home('$(dir $@)')"

# Two test processes (pytest-xdist): the suite is mostly whole runs in subprocesses, CPU-bound; on the 2-core
# CI machine two workers take it from ~10.5 to ~6.5 minutes. A single file or test: `.venv/bin/python -m pytest FILE`.
test: setup browser postgres
	$(BIN)/python -m pytest -n 2

# Headless Chromium (Debian package) for the dashboard's browser test; the test skips without it.
browser:
	@scripts/install_debian.sh chromium /usr/bin/chromium || echo "chromium could not be installed; the browser test will be skipped"

# PostgreSQL server binaries (Debian package) for the DuckLake many-writers test.
postgres:
	@scripts/install_debian.sh postgresql "/usr/lib/postgresql/*/bin/initdb" || echo "postgresql could not be installed; the DuckLake/PostgreSQL test will be skipped"

# The spaCy baseline for `dossier bench` (benchmark only, never imported by the product).
bench-deps: setup
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-bench.lock

bench: bench-deps
	$(BIN)/dossier bench --docs $(or $(DOCS),10000)

# Re-resolve the lock after editing pyproject.toml (needs network to PyPI).
lock:
	$(PYTHON) -m pip install --quiet uv && $(PYTHON) -m uv pip compile pyproject.toml --extra dev --extra build \
	    --python-version 3.11 --generate-hashes --index-url https://pypi.org/simple -o requirements.lock
	$(PYTHON) -m uv pip compile pyproject.toml --extra bench -c requirements.lock \
	    --python-version 3.11 --generate-hashes --index-url https://pypi.org/simple -o requirements-bench.lock

clean:
	rm -rf $(VENV) .prefect warehouse.duckdb* out
