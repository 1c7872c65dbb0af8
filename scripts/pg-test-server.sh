#!/usr/bin/env bash
# A throwaway PostgreSQL server for frontline's store tests.
#
#   scripts/pg-test-server.sh          start it (if not running), print its URL on stdout
#   scripts/pg-test-server.sh stop     stop it (the data stays in .pgtest/ for next time)
#   scripts/pg-test-server.sh status   say whether it runs; print the URL when it does
#   scripts/pg-test-server.sh destroy  stop it and delete .pgtest/
#
#   FRONTLINE_TEST_PG=$(scripts/pg-test-server.sh) .venv/bin/pytest tests/store -q
#
# Listens on 127.0.0.1 only (port $FRONTLINE_PGTEST_PORT, default 54329), trust auth, no
# Unix socket, fsync off: for tests, never for data you keep. Uses the Debian binaries in
# /usr/lib/postgresql/<version>/bin. Run as root, it runs the server as the "postgres" user.
# Progress goes to stderr; stdout carries only the URL. Safe to run twice.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${FRONTLINE_PGTEST_DIR:-$ROOT/.pgtest}"
# As root the server runs as "postgres", which may not reach a checkout under /root: use /tmp.
if [[ "$(id -u)" -eq 0 && -z "${FRONTLINE_PGTEST_DIR:-}" ]]; then
  DIR="/tmp/frontline-pgtest-${FRONTLINE_PGTEST_PORT:-54329}"
fi
PORT="${FRONTLINE_PGTEST_PORT:-54329}"
DB="frontline_test"
DATA="$DIR/data"
LOG="$DIR/server.log"
URL="postgresql://postgres@127.0.0.1:$PORT/$DB"

say() { echo "pg-test-server: $*" >&2; }
die() { say "$*"; exit 1; }

find_bin() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [[ -n "$bin" && -x "$bin/pg_ctl" ]] \
    || die "no PostgreSQL binaries in /usr/lib/postgresql/*/bin — apt-get install postgresql"
  echo "$bin"
}

BIN="$(find_bin)"

# Run a server binary as the owner of the data: "postgres" when we are root, else ourselves.
as_owner() {
  if [[ "$(id -u)" -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root needs a 'postgres' user to own the server"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

running() { [[ -f "$DATA/PG_VERSION" ]] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

init_cluster() {
  mkdir -p "$DIR"
  if [[ "$(id -u)" -eq 0 ]]; then chown postgres: "$DIR"; fi
  chmod 700 "$DIR"
  say "initdb in $DATA"
  local opts=(-D "$DATA" -U postgres --auth=trust -E UTF8)
  if ! as_owner "$BIN/initdb" "${opts[@]}" --locale=C.UTF-8 >/dev/null 2>&1; then
    rm -rf "$DATA"  # no C.UTF-8 locale here: plain C (lower() then folds ASCII only)
    as_owner "$BIN/initdb" "${opts[@]}" --no-locale >/dev/null || die "initdb failed"
  fi
  cat >>"$DATA/postgresql.conf" <<CONF

# frontline test server (scripts/pg-test-server.sh)
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 50
CONF
}

psql_q() { "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -tAc "$1"; }

start() {
  [[ -f "$DATA/PG_VERSION" ]] || init_cluster
  if running; then
    say "already running on 127.0.0.1:$PORT"
  else
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
      die "port $PORT is taken by another program; set FRONTLINE_PGTEST_PORT to a free port"
    fi
    say "starting on 127.0.0.1:$PORT (log: $LOG)"
    as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 30 start >/dev/null \
      || die "the server did not start; see $LOG"
  fi
  if [[ "$(psql_q "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != "1" ]]; then
    psql_q "CREATE DATABASE $DB" >/dev/null
    say "created database $DB"
  fi
  echo "$URL"
}

stop() {
  if running; then
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    say "stopped"
  else
    say "not running"
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status)
    if running; then echo "$URL"; else say "not running"; exit 3; fi ;;
  destroy) stop; rm -rf "$DIR"; say "removed $DIR" ;;
  *) die "usage: $0 [start|stop|status|destroy]" ;;
esac
