#!/usr/bin/env bash
# Installs the Debian packages frontline's tests use (PostgreSQL server), when missing.
# Needs root (CI runs as root); does nothing when the packages are already there.
set -euo pipefail
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
