#!/usr/bin/env bash
# Adviser worklist benchmark on PostgreSQL: an employment adviser whose ICB has N support referrals
# (default 20,000: a fifth new, half under way, the rest closed; each for its own person, with contacts
# on those under way), through the API (GET /api/support/referrals, the first page of 50 with names)
# and the page (/support), against GET /api/me for the same adviser in the same server and run.
# Target: the worklist's p95 within 100 ms.
# Needs PostgreSQL at 127.0.0.1:5432 with trust auth for user postgres.
# Usage: bench/support-worklist.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-20000}
db=limber_bench_support
port=${BENCH_PORT:-18087}
. bench/lib.sh
./limber version >/dev/null   # builds the jar when missing or stale
fresh_database $db

echo "loading $rows support referrals into ICB QHL..."
psql_ -d $db <<SQL
insert into provider (code, name) values ('BNCH1', 'Bench provider');
insert into provider_icb values ('BNCH1', 'QHL');
-- {noop} keeps password checks out of the measurement; this database is thrown away after the run.
insert into staff_user (id, username, display_name, password_hash, role, organisation_code, enabled, failed_attempts, created_at, version)
values (gen_random_uuid(), 'bench.adviser', 'Bench Adviser', '{noop}bench-password', 'EMPLOYMENT_ADVISER', 'BNCH1', true, 0, now(), 0);
create temporary table people as select i, gen_random_uuid() as patient_id, gen_random_uuid() as episode_id, gen_random_uuid() as referral_id
  from generate_series(1, $rows) i;
insert into patient (id, given_name, family_name, family_name_key, birth_date, sex, preferred_language, interpreter_needed, step_free_access,
    large_print, bsl_interpreter, easy_read, hearing_loop, contact_by_sms, contact_by_email, contact_by_phone, contact_by_letter, icb_code,
    work_status, created_at, updated_at, version)
select patient_id, 'Given' || i, 'Family' || i, 'FAMILY' || i, date '1960-01-01' + (i % 15000), 'UNKNOWN', 'en', false, false, false, false,
    false, false, true, false, false, false, 'QHL', 'EMPLOYED_OFF_SICK', now(), now(), 0 from people;
insert into support_referral (id, episode_id, patient_id, icb_code, kind_of_care, service_code, need, in_house, reason, source, status, status_rank,
    referred_on, referred_by, referred_at, accepted_on, first_contact_on, closed_on, close_reason, share_clinical, version)
select referral_id, episode_id, patient_id, 'QHL', 'PHYSIOTHERAPY', 'IN_HOUSE_EMPLOYMENT', 'EMPLOYMENT', true, 'Off work and worried about going back',
    case when i % 3 = 0 then 'PATIENT' else 'TRIAGE' end,
    case when i % 5 = 0 then 'REFERRED' when i % 10 < 5 then 'IN_PROGRESS' else 'CLOSED' end,
    case when i % 5 = 0 then 0 when i % 10 < 5 then 1 else 2 end,
    current_date - (i % 400), 'bench', now() - make_interval(days => i % 400),
    case when i % 5 = 0 then null else current_date - (i % 400) + 7 end,
    case when i % 5 = 0 then null else current_date - (i % 400) + 7 end,
    case when i % 5 <> 0 and i % 10 >= 5 then current_date - (i % 400) + 60 end,
    case when i % 5 <> 0 and i % 10 >= 5 then 'SUPPORT_GIVEN' end, false, 0
from people;
insert into support_contact (id, referral_id, contact_on, mode, minutes, notes, recorded_by, recorded_at)
select gen_random_uuid(), referral_id, current_date - (i % 400) + 7, 'PHONE', 30, 'Talked about a phased return', 'bench', now()
from people where i % 5 <> 0;
vacuum analyze;
SQL
psql_ -d $db -At -c "select 'stored: ' || count(*) || ' support referrals (' || sum(case when status_rank < 2 then 1 else 0 end) || ' open)' from support_referral"

start_server "$port"
PYTHONPATH=bench python3 - "$port" <<'PY'
import json, sys
from benchlib import Session, timings, pct
port = int(sys.argv[1])
s = Session(port, "bench.adviser")
first = json.loads(s.get("/api/support/referrals"))
assert len(first["items"]) == 50 and first["items"][0]["status"] == "REFERRED", first["items"][:1]
assert "Work and money worklist" in s.get("/support")
api = timings(s, "/api/support/referrals", 200)
page = timings(s, "/support", 100)
me = timings(s, "/api/me", 200)
print(f"open referrals on the worklist: {first['total']}")
for name, t in (("worklist API /api/support/referrals", api), ("worklist page /support", page), ("baseline /api/me", me)):
    print(f"{name}: p50 {pct(t, 50):.1f} ms, p95 {pct(t, 95):.1f} ms")
print(f"worklist API p95 / me p95: {pct(api, 95) / pct(me, 95):.2f} (target: worklist p95 <= 100 ms)")
PY
