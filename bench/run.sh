#!/usr/bin/env bash
# Runs the import benchmark: builds Vigil in Release, makes sure the sqlite3 shell is there (the baseline),
# and prints the figures that go into BENCHMARKS.md. Pass options through, e.g. --rows 100000 --rounds 3;
# --stats for the statistics benchmark; --links N for linking N records against the --rows ones;
# --postgres for the PostgreSQL import and query benchmark (with --combined-series: the combined-scope series on
# SQLite and PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v sqlite3 >/dev/null; then
  echo "installing the sqlite3 shell (the baseline)..." >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq sqlite3; else sudo apt-get update -qq && sudo apt-get install -y -qq sqlite3; fi
fi
dotnet build -c Release src/Vigil.Cli -v q -nologo
if [[ " $* " == *" --postgres "* ]]; then
  # PostgreSQL: a private server for the run (bench/postgres.sh), psql's \copy as the baseline.
  PG=$(bench/postgres.sh)
  trap 'bench/postgres.sh stop' EXIT
  dotnet run -c Release --project bench/Vigil.Bench -- "$@" --pg "$PG" --psql "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql"
else
  dotnet run -c Release --project bench/Vigil.Bench -- "$@"
fi
