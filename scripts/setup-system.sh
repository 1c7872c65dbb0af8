#!/usr/bin/env bash
# Installs the Debian packages frontline's tests use (PostgreSQL server; chromium and npm for the
# map page), when missing.
# Needs root (CI runs as root); does nothing when the packages are already there.
set -euo pipefail

# The map page: npm brings its map library (make setup); Debian's chromium runs its browser test.
web_missing=()
command -v chromium >/dev/null 2>&1 || web_missing+=(chromium chromium-driver fonts-dejavu-core)
command -v npm >/dev/null 2>&1 || web_missing+=(nodejs npm)
if [ ${#web_missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${web_missing[@]}"
  else
    echo "note: ${web_missing[*]} missing; run 'sudo apt-get install ${web_missing[*]}' for the map page and its browser test" >&2
  fi
fi

if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "note: PostgreSQL is not installed; run 'sudo apt-get install postgresql' for its tests" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends postgresql postgresql-contrib
