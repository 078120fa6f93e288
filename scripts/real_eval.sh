#!/usr/bin/env bash
# Score the real-news development set (issue 22): run the flow on the cached pages into a temporary
# warehouse, then `dossier eval` against every gold file of the real set.
#   scripts/real_eval.sh [PAGES_DIR] [GOLD_DIR] [extra eval args, e.g. --format json]
# The pages are third parties' text, kept in the git-ignored .cache/real/pages; only the gold is committed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PAGES="${1:-$ROOT/.cache/real/pages}"
GOLD="${2:-$ROOT/tests/data/real}"
shift $(( $# > 2 ? 2 : $# ))
PY="${PYTHON:-$ROOT/.venv/bin/python}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
"$PY" -m flows run --source "$PAGES" --db "$TMP/real.duckdb" >"$TMP/run.log" 2>&1 || { cat "$TMP/run.log"; exit 1; }
args=()
for g in "$GOLD"/*.json; do args+=(--gold "$g"); done
"$PY" -m flows eval --db "$TMP/real.duckdb" "${args[@]}" "$@"
