#!/usr/bin/env bash
# Waiting-list benchmark on PostgreSQL with N pathways (default 1,000,000):
#  1. import of a valid N-row WLMDS file (all-or-nothing) against PostgreSQL's own COPY of the
#     same file into a bare table, measured in the same run (target: at least 40% of COPY's rate);
#  2. the census on a past date for all commissioners against a sequential count(*) of the
#     pathway table (target: at most 2x);
#  3. the importing JVM's resident memory through the import (it should stay flat);
#  4. the list page (first page and page 101) for a service manager of one ICB, against GET /api/me.
# Needs PostgreSQL at 127.0.0.1:5432 with trust auth for user postgres. Usage: bench/waiting-list.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
db=limber_bench
. bench/lib.sh
fresh_database $db "?reWriteBatchedInserts=true"
for i in $(seq 0 16); do
  code="RZ$(printf "\\x$(printf %x $((65 + i)))")"
  psql_ -d $db -c "insert into provider (code, name) values ('$code', 'Bench provider $code')" >/dev/null
done

echo "generating $rows rows..."
python3 - "$rows" "$work/list.csv" <<'PY'
import sys, random, datetime
rows, path = int(sys.argv[1]), sys.argv[2]
random.seed(1)
icbs = ["QHL","QUY","QUE","QYG","QT6","QJK","QVV","QOP","QRL","QK1","QMM","QMJ","QHM","QMF","QPM","QOC","QNX"]
base = datetime.date(2023, 1, 1)
def nhs(n):
    while True:
        nine = "9%08d" % n
        s = sum(int(nine[k]) * (10 - k) for k in range(9)); c = 11 - s % 11
        if c == 11: c = 0
        if c != 10: return nine + str(c)
        n += 1
reasons = ["FIRST_TREATMENT", "DISCHARGED", "ACTIVE_MONITORING", "DNA_NULLIFIED"]
with open(path, "w") as f:
    f.write("PATIENT_PATHWAY_IDENTIFIER,PATHWAY_IDENTIFIER_ISSUER,NHS_NUMBER,PERSON_BIRTH_DATE,REFERRAL_REQUEST_RECEIVED_DATE,"
            "SOURCE_OF_REFERRAL,RTT_PERIOD_START_DATE,RTT_PERIOD_END_DATE,RTT_PERIOD_END_REASON,WAITING_LIST_TYPE,"
            "ACTIVITY_TREATMENT_FUNCTION_CODE,PRIORITY_TYPE_CODE,ORGANISATION_CODE_PROVIDER,ORGANISATION_CODE_COMMISSIONER,CENSUS_DATE\n")
    for i in range(rows):
        k = i % 17
        provider = "RZ" + chr(65 + k)
        start = base + datetime.timedelta(days=random.randint(0, 900))
        end, reason = "", ""
        if random.random() < 0.5:
            e = start + datetime.timedelta(days=random.randint(1, 300))
            if e <= datetime.date(2025, 11, 1):
                end, reason = e.isoformat(), random.choice(reasons)
        f.write(f"B{i},{provider},{nhs(i * 7)},1970-01-01,{start},GP,{start},{end},{reason},ORTT,650,1,{provider},{icbs[k]},\n")
PY
size=$(du -m "$work/list.csv" | cut -f1)
echo "file: $rows rows, ${size} MB"

# Baseline: COPY of the same file into a bare table with the same columns, as text.
psql_ -d $db -c "create table bare (c1 text, c2 text, c3 text, c4 text, c5 text, c6 text, c7 text, c8 text, c9 text, c10 text, c11 text, c12 text, c13 text, c14 text, c15 text)" >/dev/null
t0=$(now_ms); psql_ -d $db -c "\\copy bare from '$work/list.csv' with (format csv, header true)"; t1=$(now_ms)
copy_ms=$((t1 - t0))

# Limber's import, sampling the JVM's resident memory as it goes.
./limber import waiting-list "$work/list.csv" > "$work/import.out" 2>&1 &
launcher=$!
t0=$(now_ms)
: > "$work/rss"
while kill -0 $launcher 2>/dev/null; do
  pid=$(pgrep -f "limber.jar import waiting-list" | head -1 || true)
  [ -n "$pid" ] && awk '/VmRSS/ { print $2 }' /proc/$pid/status 2>/dev/null >> "$work/rss" || true
  sleep 0.5
done
wait $launcher || true
t1=$(now_ms)
import_ms=$((t1 - t0))
tail -2 "$work/import.out"
own_ms=$(awk '/^Took / { printf "%d", $2 * 1000 }' "$work/import.out")

# The floor for any import that writes Limber's tables: PostgreSQL's own COPY of the rows this import
# wrote (the pathways, their clock events and clock periods) into the same tables, with their indexes
# and keys, in a fresh database, in one transaction.
psql_ -d postgres -c "drop database if exists ${db}_floor" -c "create database ${db}_floor" >/dev/null
LIMBER_DB_URL="jdbc:postgresql://127.0.0.1:5432/${db}_floor" ./limber db migrate >/dev/null
for table in provider pathway clock_event clock_period; do
  psql_ -d $db -c "\\copy $table to '$work/$table.copy'"
done
psql_ -d ${db}_floor -c "\\copy provider from '$work/provider.copy'"
t0=$(now_ms)
psql_ -d ${db}_floor -v ON_ERROR_STOP=1 >/dev/null <<SQL
begin;
\\copy pathway from '$work/pathway.copy'
\\copy clock_event from '$work/clock_event.copy'
\\copy clock_period from '$work/clock_period.copy'
commit;
SQL
t1=$(now_ms)
floor_ms=$((t1 - t0))
psql_ -d postgres -c "drop database ${db}_floor" >/dev/null
rm -f "$work"/*.copy

awk -v c=$copy_ms -v i=$import_ms -v o=$own_ms -v f=$floor_ms -v n=$rows 'BEGIN {
  printf "COPY into a bare table: %.1f s (%.0f rows/s)\n", c/1000, n/(c/1000);
  printf "limber import (whole command, JVM start included): %.1f s (%.0f rows/s)\n", i/1000, n/(i/1000);
  printf "limber import (its own time, as it reports): %.1f s (%.0f rows/s)\n", o/1000, n/(o/1000);
  printf "import rate as a share of COPY: %.1f%% whole command, %.1f%% own time (target >= 40%%)\n", 100*c/i, 100*c/o;
  printf "floor: COPY of the rows the import wrote into Limber\047s own tables (indexes and keys): %.1f s, %.1f%% of bare COPY\047s rate;\n", f/1000, 100*c/f;
  printf "  the import runs at %.0f%% of that floor\n", 100*f/o }'
# flat means the second half of the import needs no more memory than the first
awk '{ a[NR] = $1 } END { if (NR > 1) { h = int(NR / 2); for (i = 1; i <= NR; i++) { if (i <= h && a[i] > m1) m1 = a[i]; if (i > h && a[i] > m2) m2 = a[i] }
  printf "import JVM resident memory over %d samples: highest in the first half %d MB, in the second half %d MB, at the end %d MB\n", NR, m1/1024, m2/1024, a[NR]/1024 } }' "$work/rss"

psql_ -d $db -c "vacuum analyze" >/dev/null
# each measured five times, alternating, and the medians compared (one run on 2 cores is noisy)
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
: > "$work/count"; : > "$work/census"
for _ in 1 2 3 4 5; do
  psql_ -d $db -At -c "\\timing on" -c "select count(*) from pathway" | awk '/Time:/ { print $2 }' >> "$work/count"
  ./limber report census --date 2025-03-31 --timing 2>&1 >/dev/null | awk '/census query/ { print $3 }' >> "$work/census"
done
count_ms=$(median < "$work/count"); census_ms=$(median < "$work/census")
awk -v c=$count_ms -v s=$census_ms -v cs="$(paste -sd' ' "$work/count")" -v ss="$(paste -sd' ' "$work/census")" 'BEGIN {
  printf "sequential count(*) of pathway: median %.1f ms (%s); census on 2025-03-31, all commissioners: median %.1f ms (%s); ratio %.2f (target <= 2)\n", c, cs, s, ss, s/c }'

# The list page a service manager works from, on this million-pathway list: first page and page 100
# of one ICB's waiters (priority, then longest wait), against GET /api/me in the same server.
port=${BENCH_PORT:-18083}
psql_ -d $db >/dev/null <<SQL
insert into provider_icb values ('RZA', 'QHL') on conflict do nothing;
insert into staff_user (id, username, display_name, password_hash, role, organisation_code, enabled, failed_attempts, created_at, version)
values (gen_random_uuid(), 'bench.manager', 'Bench Manager', '{noop}bench-password', 'SERVICE_MANAGER', 'RZA', true, 0, now(), 0);
SQL
start_server "$port"
python3 - "$port" <<'PY'
import base64, http.client, sys, time
port = int(sys.argv[1])
headers = {"Authorization": "Basic " + base64.b64encode(b"bench.manager:bench-password").decode()}
def measure(path, n=200):
    conn = http.client.HTTPConnection("localhost", port)
    times = []
    for i in range(n + 20):
        t = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
        assert response.status == 200, (path, response.status)
        if i >= 20:
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return times[len(times) // 2], times[int(len(times) * 0.95) - 1], body
me = measure("/api/me")
first = measure("/waiting-list/pathways")
deep = measure("/waiting-list/pathways?page=100")
assert b"/waiting-list/pathways/" in first[2], "the list page shows no pathways"
print(f"GET /api/me (baseline): p50 {me[0]:.1f} ms, p95 {me[1]:.1f} ms")
print(f"list page 1 (one ICB of about 59,000 pathways): p50 {first[0]:.1f} ms, p95 {first[1]:.1f} ms")
print(f"list page 101 (offset 5,000): p50 {deep[0]:.1f} ms, p95 {deep[1]:.1f} ms")
PY
