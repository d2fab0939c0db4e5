#!/usr/bin/env bash
# Cohort report benchmark on PostgreSQL. `./limber demo-journeys --referrals N` (default 36,000: about
# two years of the 17 demo areas' referrals, with their pathways, episodes, questionnaires and support)
# writes the data (with Cohort 2, six areas over a period the demo chooses). Then,
# in one server, for an analyst of every area:
#  1. the cohort report page for Cohort 1 (17 areas: census at both dates, people seen, the seen-quicker
#     replay per area, usefulness, outcomes, work) (target: p95 <= 2 s);
#  2. its board paper PDF (target: p95 <= 5 s);
#  3. the waiting-list census page (/waiting-list), the baseline in the same run.
# Needs PostgreSQL at 127.0.0.1:5432 with trust auth for user postgres. Usage: bench/cohort-report.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-36000}
db=limber_bench_cohort
. bench/lib.sh
./limber version >/dev/null   # builds the jar when missing or stale
fresh_database $db "?reWriteBatchedInserts=true"
./limber demo-journeys --referrals "$n" --seed 2024 > "$work/journeys.out" 2>&1
grep '^Demo journeys' "$work/journeys.out" || cat "$work/journeys.out"
psql_ -d $db >/dev/null <<SQL
insert into provider (code, name) values ('BNCH', 'Bench programme team');
insert into provider_icb select 'BNCH', code from icb;
insert into staff_user (id, username, display_name, password_hash, role, organisation_code, enabled, failed_attempts, created_at, version)
values (gen_random_uuid(), 'bench.analyst', 'Bench Analyst', '{noop}bench-password', 'ANALYST', 'BNCH', true, 0, now(), 0);
vacuum analyze;
SQL
psql_ -d $db -At -c "select 'stored: ' || (select count(*) from clock_period) || ' clock periods, ' || (select count(*) from usefulness_rating)
  || ' ratings, ' || (select count(*) from outcome_due) || ' questionnaires due'"
port=${BENCH_PORT:-18088}
start_server "$port"
PYTHONPATH=bench python3 - "$port" <<'PY'
import sys, time
from benchlib import Session, timings, pct
port = int(sys.argv[1])
s = Session(port, "bench.analyst")
assert "Seen quicker" in s.get("/reports/cohorts/COHORT_1")
page = timings(s, "/reports/cohorts/COHORT_1", 20)
page2 = timings(s, "/reports/cohorts/COHORT_2", 20)
def binary(path, n):
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        status, data = s.request("GET", path)
        assert status == 200 and data[:4] == b"%PDF", (path, status)
        out.append((time.perf_counter() - t0) * 1000)
    return sorted(out)
pdf = binary("/reports/cohorts/COHORT_1.pdf", 10)
census = timings(s, "/waiting-list", 20)
for name, t in (("cohort report page, Cohort 1 (17 areas)", page), ("cohort report page, Cohort 2 (6 areas)", page2),
                ("board paper PDF, Cohort 1", pdf), ("census page /waiting-list", census)):
    print(f"{name}: p50 {pct(t, 50):.0f} ms, p95 {pct(t, 95):.0f} ms")
print(f"cohort page p95 / census p95: {pct(page, 95) / pct(census, 95):.1f}; PDF p95 / census p95: {pct(pdf, 95) / pct(census, 95):.1f}"
      " (targets: page p95 <= 2000 ms, PDF p95 <= 5000 ms)")
PY
