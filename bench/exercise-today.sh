#!/usr/bin/env bash
# The patient's "today" page on PostgreSQL with N patients (default 200,000), each with a 5-exercise
# programme and 25 logs (5,000,000 logs at the default), against the patient's home page (/my) in the
# same server, session and run. Target (issue 6): p95 of the today page <= 50 ms.
# Needs PostgreSQL at 127.0.0.1:5432 (trust auth, user postgres).
# Usage: bench/exercise-today.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
patients=${1:-200000}
db=limber_bench_today
port=${BENCH_PORT:-18083}
. bench/lib.sh

fresh_database $db
echo "loading $patients patients, programmes and $((patients * 25)) logs..."
start=$(date +%s)
psql_ -d $db <<SQL
insert into provider (code, name) values ('BNCH1', 'Bench provider');
insert into provider_icb values ('BNCH1', 'QHL');
-- {noop} keeps password hashing out of the measurement; this database is thrown away after the run.
insert into staff_user (id, username, display_name, password_hash, role, organisation_code, enabled, failed_attempts, created_at, version)
values (gen_random_uuid(), 'bench.clinician', 'Bench Clinician', '{noop}bench-password', 'CLINICIAN', 'BNCH1', true, 0, now(), 0);
insert into patient (id, nhs_number_unknown_reason, given_name, family_name, family_name_key, birth_date, sex, preferred_language,
    interpreter_needed, step_free_access, large_print, bsl_interpreter, easy_read, hearing_loop, contact_by_sms, contact_by_email,
    contact_by_phone, contact_by_letter, icb_code, created_at, updated_at, version)
select gen_random_uuid(), 'Benchmark', 'Bench', 'Patient' || i, 'patient' || i, date '1950-01-01' + (i % 20000), 'FEMALE', 'en',
       false, false, false, false, false, false, false, false, false, true, 'QHL', now(), now(), 0
from generate_series(1, $patients) i;
insert into programme (id, patient_id, icb_code, title, template, start_date, end_date, version, created_by, created_at)
select gen_random_uuid(), id, 'QHL', 'Knee osteoarthritis', 'knee-osteoarthritis', current_date - 30, current_date + 30, 1, 'bench.clinician', now()
from patient;
insert into programme_version (programme_id, version, what, changed_by, changed_at)
select id, 1, 'Started from the template "Knee osteoarthritis"', 'bench.clinician', now() - interval '30 days' from programme;
insert into programme_item (programme_id, version, position, exercise_id, sets, reps, hold_seconds, rest_seconds, times_per_day, days_per_week,
    progress_weeks, progress_pain)
select p.id, 1, e.position, e.exercise, 3, 10, 0, 30, 1, 7, 2, 3
from programme p cross join (values (1, 'knee-static-quads'), (2, 'knee-seated-extension'), (3, 'hip-sit-to-stand'), (4, 'knee-step-up'),
    (5, 'general-brisk-walk')) as e(position, exercise);
insert into session_log (id, client_key, programme_id, programme_version, exercise_id, log_date, outcome, sets_done, reps_done, pain,
    difficulty, status, recorded_by, recorded_at)
select gen_random_uuid(), p.id || '-' || g, p.id, 1,
       (array['knee-static-quads','knee-seated-extension','hip-sit-to-stand','knee-step-up','general-brisk-walk'])[1 + g % 5],
       current_date - (g / 5), 'DONE', 3, 10, g % 6, 'JUST_RIGHT', 'CURRENT', 'bench', now()
from programme p cross join generate_series(0, 24) g;
analyze;
SQL
echo "loaded in $(( $(date +%s) - start )) s: $(psql_ -d $db -At -c 'select count(*) from session_log') logs"

start_server "$port"
patient=$(psql_ -d $db -At -c "select id || ' ' || birth_date from patient order by family_name_key offset $((patients / 2)) limit 1")
code=$(curl -fs -u bench.clinician:bench-password -X POST "http://localhost:$port/api/patients/${patient%% *}/access-code" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["code"])')

python3 - "$port" "$code" "${patient##* }" <<'PY'
import http.client, re, statistics, sys, time, urllib.parse
port, code, birth = int(sys.argv[1]), sys.argv[2], sys.argv[3]
conn = http.client.HTTPConnection("localhost", port)
cookies = {}
def request(method, path, body=None, headers=None):
    headers = dict(headers or {})
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    conn.request(method, path, body, headers)
    response = conn.getresponse()
    data = response.read().decode()
    for name, value in response.getheaders():
        if name.lower() == "set-cookie":
            key, val = value.split(";")[0].split("=", 1)
            cookies[key] = val
    return response.status, data
_, page = request("GET", "/patient/sign-in")
token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
year, month, day = birth.split("-")
status, _ = request("POST", "/patient/sign-in", urllib.parse.urlencode({"code": code, "dobDay": int(day), "dobMonth": int(month),
                    "dobYear": year, "_csrf": token}), {"Content-Type": "application/x-www-form-urlencoded"})
assert status == 302, status
def measure(path, n=400):
    for _ in range(30):
        request("GET", path)
    times = []
    for _ in range(n):
        started = time.perf_counter()
        status, body = request("GET", path)
        times.append((time.perf_counter() - started) * 1000)
        assert status == 200, (path, status)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], body
home = measure("/my")
today = measure("/my/exercises")
assert "Thigh tightening" in today[2], "the today page did not show the programme"
print(f"{'page':<22} {'p50 ms':>8} {'p95 ms':>8}")
print(f"{'/my (baseline)':<22} {home[0]:>8.1f} {home[1]:>8.1f}")
print(f"{'/my/exercises (today)':<22} {today[0]:>8.1f} {today[1]:>8.1f}")
print(f"today p95 {today[1]:.1f} ms (target <= 50); ratio to the home page {today[1] / home[1]:.2f}")
PY
