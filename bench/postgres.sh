#!/usr/bin/env bash
# Starts (or stops, with "stop") a private PostgreSQL for the benchmarks in bench/out/pg: initdb and pg_ctl
# from Debian's /usr/lib/postgresql/*/bin, run as the postgres user when this runs as root. Settings are
# PostgreSQL's defaults (fsync and synchronous_commit on), as a deployment would have them.
# Prints the connection string on standard output.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$BIN" ] || { echo "no PostgreSQL binaries: apt-get install postgresql" >&2; exit 1; }
DIR=$(pwd)/bench/out/pg
PORT=${PGBENCH_PORT:-55432}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "${1:-}" = stop ]; then
  as_pg "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  exit 0
fi
if [ ! -d "$DIR/data" ]; then
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
  as_pg "$BIN/initdb" -D "$DIR/data" -A trust -U vigil -E UTF8 --no-locale >/dev/null
fi
if ! as_pg "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
  as_pg "$BIN/pg_ctl" -D "$DIR/data" -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1" -l "$DIR/log" -w start >/dev/null
fi
echo "Host=127.0.0.1;Port=$PORT;Username=vigil;Database=postgres"
