#!/usr/bin/env bash
# Triage worklist benchmark on PostgreSQL: the worklist (page and API) for a clinician whose ICB has
# N untriaged referrals (default 50,000; a further N/4 already triaged sit beside them; with red flags, urgencies, sources, sites and open tasks)
# against the same page for a clinician whose ICB has an empty worklist, measured in the same run
# and the same server. Target: the 95th percentile of the full list within 100 ms.
# Needs PostgreSQL at 127.0.0.1:5432 with trust auth for user postgres.
# Usage: bench/triage-worklist.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-50000}
db=limber_bench_triage
port=${BENCH_PORT:-18081}
. bench/lib.sh

fresh_database $db

echo "loading $rows untriaged referrals into ICB QHL..."
psql_ -d $db <<SQL
insert into provider (code, name) values ('BNCH1', 'Bench provider with a full list'), ('BNCH2', 'Bench provider with an empty list');
insert into provider_icb values ('BNCH1', 'QHL'), ('BNCH2', 'QUY');
insert into gp_practice values ('B00001', 'Bench practice', 'EX1 1AA', 'QHL');
-- {noop} keeps password checks out of the measurement; this database is thrown away after the run.
insert into staff_user (id, username, display_name, password_hash, role, organisation_code, enabled, failed_attempts, created_at, version)
values (gen_random_uuid(), 'bench.full', 'Bench Full', '{noop}bench-password', 'CLINICIAN', 'BNCH1', true, 0, now(), 0),
       (gen_random_uuid(), 'bench.empty', 'Bench Empty', '{noop}bench-password', 'CLINICIAN', 'BNCH2', true, 0, now(), 0);
insert into referral (id, reference, source, received_on, received_at, icb_code, gp_practice_code, given_name, family_name,
    birth_date, interpreter_needed, body_sites, symptom_duration, requested_urgency, urgency_rank, red_flags_asked, red_flags_yes,
    red_flag_level, red_flag_rank, instrument, score_total, risk_group, wants_employment_support, wants_debt_support,
    consent_to_contact, status, created_at, version)
select gen_random_uuid(), 'MSK-B' || lpad(i::text, 8, '0'),
       (array['GP','ERS','SELF','FRACTURE_CLINIC','EMERGENCY_DEPARTMENT','OTHER_PROVIDER'])[1 + i % 6],
       current_date - (i % 730), now() - make_interval(days => i % 730), 'QHL', 'B00001', 'Given' || i, 'Family' || i,
       date '1950-01-01' + (i % 20000), false,
       (array['BACK','NECK','SHOULDER','KNEE','HIP','ANKLE_FOOT','WRIST_HAND','ELBOW'])[1 + i % 8],
       'UNDER_6_WEEKS', case when i % 10 = 0 then 'URGENT' when i % 5 = 0 then 'SOON' else 'ROUTINE' end,
       case when i % 10 = 0 then 0 when i % 5 = 0 then 1 else 2 end, '', '',
       case when i % 500 = 0 then 'EMERGENCY' when i % 97 = 0 then 'URGENT' else 'NONE' end,
       case when i % 500 = 0 then 0 when i % 97 = 0 then 1 else 2 end,
       'START_BACK', i % 10, (array['LOW','MEDIUM','HIGH'])[1 + i % 3], false, false, true,
       case when i % 5 = 0 then 'ACCEPTED' else 'RECEIVED' end, now(), 0
from generate_series(1, $rows * 5 / 4) as i;
insert into red_flag_task (id, referral_id, icb_code, level, source, flags, raised_at, due_at, status, version)
select gen_random_uuid(), id, icb_code, red_flag_level, 'INTAKE', 'CES_SADDLE_NUMBNESS', received_at, received_at + interval '4 hours', 'OPEN', 0
from referral where red_flag_level <> 'NONE';
analyze;
SQL
psql_ -d $db -At -c "select 'untriaged in QHL: ' || count(*) from referral where status = 'RECEIVED' and icb_code = 'QHL'"

start_server "$port"

python3 - "$port" <<'PY'
import json, sys
sys.path.insert(0, 'bench')
from benchlib import Session, pct, timings
port = int(sys.argv[1])

full, empty = Session(port, "bench.full"), Session(port, "bench.empty")
assert "Family" in full.get("/referrals") and "Family" not in empty.get("/referrals")
for path in ["/referrals", "/api/referrals"]:
    timings(full, path, 50); timings(empty, path, 50)   # warm up
cases = [("page /referrals", "/referrals"), ("API /api/referrals", "/api/referrals"),
         ("page, filtered (self-referrals, knee, high risk)", "/referrals?source=SELF&site=KNEE&risk=HIGH"),
         ("page 100 of the list", "/referrals?page=100")]
n = 400
for label, path in cases:
    a, b = timings(full, path, n), timings(empty, path, n)
    print(f"{label}: full list p50 {pct(a, 50):.1f} ms, p95 {pct(a, 95):.1f} ms; empty list p50 {pct(b, 50):.1f} ms, "
          f"p95 {pct(b, 95):.1f} ms; p95 ratio {pct(a, 95) / pct(b, 95):.2f} (target: full list p95 <= 100 ms)")
PY
