#!/usr/bin/env bash
# Startup benchmark for the foundation: time from `./limber demo` to the first page (already built,
# fresh demo database and again with the database in place), resident memory, and the latency of a
# real page against the near-empty health endpoint of the same app, measured in the same run.
# Usage: bench/startup.sh [--build]   (--build also times a clean `mvn package`, as a fresh clone does)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-18080}
data=$(mktemp -d)
stop() { [ -f "$data/pid" ] && kill "$(cat "$data/pid")" 2>/dev/null && while kill -0 "$(cat "$data/pid")" 2>/dev/null; do sleep 0.1; done; true; }
trap 'stop; rm -rf "$data"' EXIT

now_ms() { date +%s%3N; }

if [ "${1:-}" = "--build" ]; then
  t0=$(now_ms); mvn -q -B clean package -DskipTests >/dev/null; t1=$(now_ms)
  echo "build (clean package, no tests):        $(( (t1 - t0) / 1000 )) s"
fi
./limber version >/dev/null   # builds the jar and the start-up archive when missing or stale

start() {
  LIMBER_DATA_DIR="$data" ./limber demo --port "$port" >"$data/out.log" 2>&1 &
  echo $! >"$data/pid"
  local t0; t0=$(now_ms)
  until curl -fs -o /dev/null "http://localhost:$port/"; do sleep 0.1; done
  echo $(( $(now_ms) - t0 ))
}

first=$(start); echo "first start (creates demo data) to first page: $first ms"
stop
second=$(start); echo "second start (database in place) to first page: $second ms"

measure() { # url count -> mean ms per request
  local url=$1 n=$2 t0 t1
  t0=$(now_ms); for _ in $(seq "$n"); do curl -fs -o /dev/null "$url"; done; t1=$(now_ms)
  awk -v a="$t0" -v b="$t1" -v n="$n" 'BEGIN { printf "%.2f", (b - a) / n }'
}
measure "http://localhost:$port/sign-in" 50 >/dev/null   # warm up
page=$(measure "http://localhost:$port/sign-in" 300)
empty=$(measure "http://localhost:$port/actuator/health" 300)
rss=$(awk '/VmRSS/ { printf "%d", $2 / 1024 }' /proc/$(cat "$data/pid")/status)
echo "sign-in page: $page ms/request; health endpoint (baseline): $empty ms/request; ratio $(awk -v p="$page" -v e="$empty" 'BEGIN { printf "%.2f", p / e }')"
echo "resident memory after start and 650 requests: $rss MB"
