#!/usr/bin/env bash
# Load test of the server (see BENCHMARKS.md): wrk against /health (the floor), the overview statistics
# endpoint and the incidents list, 60 s each on loopback, over the 1,000,000-incident database that
# `bench/run.sh --rows 1000000 --stats` makes. Usage: bench/load.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
DB=${DB:-bench/out/vigil-stats-1000000.db}
PORT=${PORT:-5099}
if ! command -v wrk >/dev/null; then
  echo "installing wrk..." >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk; else sudo apt-get update -qq && sudo apt-get install -y -qq wrk; fi
fi
[ -f "$DB" ] || bench/run.sh --rows 1000000 --stats --rounds 1
dotnet build -c Release src/Vigil.Cli -v q -nologo >/dev/null
dotnet src/Vigil.Cli/bin/Release/net10.0/vigil.dll serve --db "$DB" --urls "http://127.0.0.1:$PORT" \
  --anonymous-read --requests-per-minute 100000000 >/tmp/vigil-load-server.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 1; done
MONTH=$(curl -sf "http://127.0.0.1:$PORT/api/v1/datasets" | python3 -c 'import json,sys; print(json.load(sys.stdin)["last_date"][:7])')
cat > /tmp/vigil-pages.lua <<'LUA'
-- A different list each time: one of 8 provinces x 35 years x 20 pages (5,600 distinct queries), so
-- most requests miss the cache and run their query.
local provinces = {"Balochistan", "Sindh", "Punjab", "Khyber%20Pakhtunkhwa", "Gilgit-Baltistan",
  "Islamabad%20Capital%20Territory", "Azad%20Jammu%20and%20Kashmir", "Khyber%20Pakhtunkhwa"}
request = function()
  local year = math.random(1989, 2023)
  return wrk.format(nil, "/api/v1/incidents?page_size=50&province=" .. provinces[math.random(1, 8)]
    .. "&from=" .. year .. "&to=" .. year .. "&page=" .. math.random(1, 20))
end
LUA
cat > /tmp/vigil-overview-nocache.lua <<LUA
-- A unique query string each time: every request misses the cache and computes the overview.
counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, "/api/v1/statistics/overview?month=$MONTH&nocache=" .. counter .. "-" .. math.random(1, 1000000000))
end
LUA
cat > /tmp/vigil-list-nocache.lua <<'LUA'
-- A unique query string each time: every request misses the cache and runs its query.
counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, "/api/v1/incidents?page_size=50&nocache=" .. counter .. "-" .. math.random(1, 1000000000))
end
LUA
run() {
  local name=$1; shift
  echo "== $name"
  wrk -t2 -c"${CONNECTIONS:-16}" -d"${SECONDS_EACH}s" --latency "$@" | grep -E "Requests/sec|Latency |50%|99%|Non-2xx|Socket errors|requests in"
}
curl -sf "http://127.0.0.1:$PORT/api/v1/statistics/overview?month=$MONTH" >/dev/null
curl -sf "http://127.0.0.1:$PORT/api/v1/incidents?page_size=50" >/dev/null
run "/health (floor)" "http://127.0.0.1:$PORT/health"
run "overview statistics, $MONTH" "http://127.0.0.1:$PORT/api/v1/statistics/overview?month=$MONTH"
run "incidents list, first page" "http://127.0.0.1:$PORT/api/v1/incidents?page_size=50"
run "incidents list, random province/year/page (mostly uncached)" -s /tmp/vigil-pages.lua "http://127.0.0.1:$PORT"
run "overview statistics, never cached" -s /tmp/vigil-overview-nocache.lua "http://127.0.0.1:$PORT"
run "incidents list, first page, never cached" -s /tmp/vigil-list-nocache.lua "http://127.0.0.1:$PORT"
