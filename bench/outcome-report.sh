#!/usr/bin/env bash
# Outcome report benchmark on PostgreSQL. `./limber demo-journeys --referrals N` (default 36,000) writes
# the demo's journeys with their questionnaires: each response is checked and scored by the engine as it
# is stored (about 100,000 responses at the default N). Then, in one server:
#  1. the outcome report page (/outcomes) for an analyst of all 17 ICBs, the last 12 months: return
#     rates, paired change per instrument with its interval, back in work (target: p95 <= 1 s);
#  2. the waiting-list census page (/waiting-list) for the same analyst, as the baseline in the same run.
# Needs PostgreSQL at 127.0.0.1:5432 with trust auth for user postgres. Usage: bench/outcome-report.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-36000}
db=limber_bench_outcomes
. bench/lib.sh
./limber version >/dev/null   # builds the jar when missing or stale
fresh_database $db "?reWriteBatchedInserts=true"
t0=$(now_ms)
./limber demo-journeys --referrals "$n" --seed 2024 > "$work/journeys.out" 2>&1
t1=$(now_ms)
grep '^Demo journeys' "$work/journeys.out" || cat "$work/journeys.out"
psql_ -d $db -At -c "select 'stored: ' || (select count(*) from outcome_due) || ' questionnaires due, ' || (select count(*) from outcome_response)
  || ' responses, ' || (select count(*) from outcome_score) || ' scores'"
echo "generation with scoring (whole command): $(( (t1 - t0) / 1000 )) s"
psql_ -d $db >/dev/null <<SQL
insert into provider (code, name) values ('BNCH', 'Bench programme team');
insert into provider_icb select 'BNCH', code from icb;
insert into staff_user (id, username, display_name, password_hash, role, organisation_code, enabled, failed_attempts, created_at, version)
values (gen_random_uuid(), 'bench.analyst', 'Bench Analyst', '{noop}bench-password', 'ANALYST', 'BNCH', true, 0, now(), 0);
vacuum analyze;
SQL
port=${BENCH_PORT:-18086}
start_server "$port"
PYTHONPATH=bench python3 - "$port" <<'PY'
import sys
from benchlib import Session, timings, pct
port = int(sys.argv[1])
s = Session(port, "bench.analyst")
page = s.get("/outcomes")
assert "Change from the start to discharge" in page, page[:500]
report = timings(s, "/outcomes", 40)
census = timings(s, "/waiting-list", 40)
for name, t in (("outcome report /outcomes", report), ("census /waiting-list", census)):
    print(f"{name}: p50 {pct(t, 50):.0f} ms, p95 {pct(t, 95):.0f} ms")
print(f"outcome report p95 / census p95: {pct(report, 95) / pct(census, 95):.2f} (target: report p95 <= 1000 ms)")
PY
