# Shared by the benchmarks (source it after `cd` to the project): a scratch directory removed on
# exit, psql against the local PostgreSQL (127.0.0.1:5432, trust auth, user postgres), a fresh
# migrated database for Limber, and a Limber server started on a port and stopped on exit.
work=$(mktemp -d)
stop_server() { [ -f "$work/pid" ] && kill "$(cat "$work/pid")" 2>/dev/null && while kill -0 "$(cat "$work/pid")" 2>/dev/null; do sleep 0.1; done; true; }
trap 'stop_server; rm -rf "$work"' EXIT
psql_() { psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres "$@"; }
now_ms() { date +%s%3N; }

# fresh_database NAME [URL_OPTIONS]: (re)creates the database, points Limber at it and migrates it.
fresh_database() {
  psql_ -d postgres -c "drop database if exists $1" -c "create database $1" >/dev/null
  export LIMBER_DB_URL="jdbc:postgresql://127.0.0.1:5432/$1${2:-}" LIMBER_DB_USER=postgres LIMBER_DATA_DIR="$work"
  ./limber db migrate >/dev/null
}

# start_server PORT: serves Limber on PORT against that database and waits until it answers.
start_server() {
  ./limber serve --port "$1" >"$work/server.log" 2>&1 &
  echo $! >"$work/pid"
  until curl -fs -o /dev/null "http://localhost:$1/actuator/health"; do sleep 0.2; done
}
