#!/usr/bin/env bash
# Slot finder benchmark on PostgreSQL: the earliest 1:1 slot that fits a person (GET /api/appointments/slots)
# among N future slots of their ICB (default 5,000: sessions at two hubs, one with steps, and by telephone and
# video, clinicians speaking different languages, a third of the slots already booked), for a person who needs
# step-free access and speaks Polish (so most slots do not fit), against GET /api/me (an endpoint that reads
# nothing) in the same run and the same server. Target: the finder's 95th percentile within 50 ms.
# Needs PostgreSQL at 127.0.0.1:5432 with trust auth for user postgres.
# Usage: bench/slot-finder.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
slots=${1:-5000}
db=limber_bench_slots
port=${BENCH_PORT:-18082}
. bench/lib.sh

fresh_database $db

echo "loading $slots future 1:1 slots into ICB QHL..."
psql_ -d $db <<SQL
insert into provider (code, name) values ('BNCH1', 'Bench provider');
insert into provider_icb values ('BNCH1', 'QHL');
-- {noop} keeps password checks out of the measurement; this database is thrown away after the run.
insert into staff_user (id, username, display_name, password_hash, role, organisation_code, enabled, failed_attempts, created_at, version)
values (gen_random_uuid(), 'bench.clinician', 'Bench Clinician', '{noop}bench-password', 'CLINICIAN', 'BNCH1', true, 0, now(), 0);
insert into hub (id, provider_code, icb_code, name, address_line, town, postcode, step_free, opening_hours) values
  ('00000000-0000-0000-0000-00000000000a', 'BNCH1', 'QHL', 'Step-free hub', '1 Level Road', 'Benchton', 'B1 1AA', true, 'Weekdays'),
  ('00000000-0000-0000-0000-00000000000b', 'BNCH1', 'QHL', 'Hub with steps', '2 Stair Street', 'Benchton', 'B1 1AB', false, 'Weekdays');
-- four slots a session (09:00-12:00 assessments), sessions spread over the coming days, five clinicians a day
insert into clinician_session (id, icb_code, provider_code, hub_id, room_id, mode, clinician, clinician_name, languages, session_date,
    start_minute, end_minute, appointment_type, slot_minutes, created_by, created_at)
select ('00000000-0000-0000-0001-' || lpad(to_hex(i), 12, '0'))::uuid, 'QHL', 'BNCH1',
       case i % 4 when 0 then '00000000-0000-0000-0000-00000000000a'::uuid when 1 then '00000000-0000-0000-0000-00000000000b'::uuid end,
       null, case i % 4 when 0 then 'IN_PERSON' when 1 then 'IN_PERSON' when 2 then 'TELEPHONE' else 'VIDEO' end,
       'clinician.' || (i % 5), 'Clinician ' || (i % 5), case when i % 7 = 0 then 'en,pl' else 'en' end,
       current_date + 1 + i / 5, 540, 720, 'ASSESSMENT', 45, 'bench', now()
from generate_series(0, $slots / 4 - 1) as i;
insert into session_slot (id, session_id, icb_code, slot_date, start_minute, end_minute, appointment_type, appointment_id)
select gen_random_uuid(), s.id, 'QHL', s.session_date, 540 + 45 * k, 585 + 45 * k, 'ASSESSMENT',
       case when (hashtext(s.id::text) + k) % 3 = 0 then gen_random_uuid() end
from clinician_session s cross join generate_series(0, 3) as k;
insert into one_to_one_referral (referral_id, reference, display_name, icb_code, provider_code, priority, received_on, accepted_on,
    language, interpreter_needed, step_free)
values ('00000000-0000-0000-0000-0000000000ff', 'MSK-BENCH-1', 'Bench Person', 'QHL', 'BNCH1', 'ROUTINE', current_date - 30,
        current_date - 30, 'pl', false, true);
analyze;
SQL
psql_ -d $db -At -c "select 'future slots in QHL: ' || count(*) || ', free: ' || count(*) filter (where appointment_id is null) from session_slot"

start_server "$port"

python3 - "$port" <<'PY'
import json, sys
sys.path.insert(0, 'bench')
from benchlib import Session, pct, timings
port = int(sys.argv[1])

s = Session(port, "bench.clinician")
finder = "/api/appointments/slots?referral=00000000-0000-0000-0000-0000000000ff&limit=1"
first = json.loads(s.get(finder))
assert first and first[0]["mode"] != "IN_PERSON" or first[0]["hubName"] == "Step-free hub", first
print("earliest fitting slot:", first[0]["date"], first[0]["start"], first[0]["mode"], first[0]["clinicianName"])
for path in [finder, "/api/me"]:
    timings(s, path, 100)   # warm up
n = 1000
a, b = timings(s, finder, n), timings(s, "/api/me", n)
print(f"slot finder: p50 {pct(a, 50):.1f} ms, p95 {pct(a, 95):.1f} ms; GET /api/me: p50 {pct(b, 50):.1f} ms, p95 {pct(b, 95):.1f} ms; "
      f"p95 ratio {pct(a, 95) / pct(b, 95):.2f} (target: finder p95 <= 50 ms)")
PY
