#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback for the test suite and prints
# its DATABASE_URL. Used by .ci/run; handy on a developer machine too.
# Usage: scripts/start-postgres.sh [DIR] [PORT]
set -euo pipefail
dir=${1:-/tmp/pucha-pg}
port=${2:-5433}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
if [ ! -f "$dir/PG_VERSION" ]; then
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  run "$bin/initdb -D $dir -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"
fi
if ! run "$bin/pg_ctl -D $dir status" >/dev/null 2>&1; then
  run "$bin/pg_ctl -D $dir -l $dir/server.log -w -o \"-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start" >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$port/postgres"
