#!/usr/bin/env bash
# Runs frontline's test suite: lint, types, then pytest on SQLite and on a throwaway
# PostgreSQL server (installed from Debian's packages when missing and we are root).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}

bash scripts/setup-system.sh || echo "note: could not install system packages; PostgreSQL tests may be skipped" >&2

pg_started=0
if [ -z "${FRONTLINE_TEST_PG:-}" ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if url=$(bash scripts/pg-test-server.sh start); then
    export FRONTLINE_TEST_PG="$url"
    pg_started=1
  else
    echo "note: could not start PostgreSQL; its tests will be skipped" >&2
  fi
fi
cleanup() { if [ "$pg_started" = 1 ]; then bash scripts/pg-test-server.sh stop >/dev/null 2>&1 || true; fi; }
trap cleanup EXIT

"$VENV/bin/ruff" check frontline tests benchmarks
"$VENV/bin/mypy"
"$VENV/bin/python" -m pytest -q "$@"
