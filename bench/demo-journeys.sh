#!/usr/bin/env bash
# Demo generator benchmark on PostgreSQL. `./limber demo-journeys --referrals N` writes the demo's 17
# areas and about N referrals (default 200,000) with their journeys: each person's patient record, the
# referral, the waiting-list pathway with its clock events and periods (linked to the patient), the
# episode of care with its discharge, and the people still waiting on their hubs' lists.
#  1. referrals a second, as the generator reports its own time (target: 200,000 in at most 60 s),
#     and for the whole command (JVM start and migrations included);
#  2. the same seed twice, into two fresh databases, gives the same data: a digest of what was written
#     (by content and the seeded ids; patient and episode ids are new each run and left out);
#  3. the floor: PostgreSQL's own COPY of the rows the generator wrote into Limber's tables, with their
#     indexes and keys (foreign keys not checked), in a fresh database, in one transaction.
# Needs PostgreSQL at 127.0.0.1:5432 with trust auth for user postgres. Usage: bench/demo-journeys.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200000}
. bench/lib.sh
./limber version >/dev/null   # builds the jar when missing or stale

# tables a freshly migrated database leaves empty (the ones a copy of the generator's rows may fill)
empty_tables() {
  psql_ -d "$1" -At -c "select table_name from information_schema.tables t where table_schema = 'public' and table_type = 'BASE TABLE'
    and table_name <> 'flyway_schema_history'
    and (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I', table_name), false, true, '')))[1]::text::int = 0
    order by 1"
}

digest() {
  psql_ -d "$1" -At <<'SQL'
select md5(string_agg(part, '|' order by part)) from (
  select 'patient' || string_agg(concat_ws(',', nhs_number, given_name, family_name, birth_date, postcode, work_status, icb_code), ';' order by nhs_number) as part from patient
  union all
  select 'referral' || string_agg(concat_ws(',', r.id, r.reference, r.received_on, r.pathway, r.priority, r.triaged_at, r.red_flag_level, p.nhs_number), ';' order by r.id)
    from referral r left join patient p on p.id = r.patient_id
  union all
  select 'pathway' || string_agg(concat_ws(',', w.id, w.pathway_identifier, w.nhs_number, w.commissioner_code, p.nhs_number), ';' order by w.id)
    from pathway w left join patient p on p.id = w.patient_id
  union all
  select 'clock' || string_agg(concat_ws(',', pathway_id, seq, type, event_date, detail), ';' order by pathway_id, seq) from clock_event
  union all
  select 'episode' || string_agg(concat_ws(',', reference, kind_of_care, opened_on, pathway_id, discharge_reason, discharged_on, follow_up_until), ';' order by reference) from episode
) parts
SQL
}

generate() { # database: the generator's output in $work/$1.out, the whole command's time in ms in $work/$1.ms
  fresh_database "$1" "?reWriteBatchedInserts=true"
  empty_tables "$1" > "$work/$1.empty"
  local t0 t1; t0=$(now_ms)
  ./limber demo-journeys --referrals "$n" --seed 2024 > "$work/$1.out" 2>&1
  t1=$(now_ms)
  echo $((t1 - t0)) > "$work/$1.ms"
}

db=limber_bench_demo
generate $db
whole_ms=$(cat "$work/$db.ms")
grep '^Demo journeys' "$work/$db.out"
own_ms=$(sed -n 's/.*stored in \([0-9]*\) ms.*/\1/p' "$work/$db.out")
written=$(sed -n 's/^Demo journeys: \([0-9]*\) referrals.*/\1/p' "$work/$db.out")
first=$(digest $db)

# the floor: COPY of every row the generator wrote into a fresh database's Limber tables
filled=$(while read -r t; do
  c=$(psql_ -d $db -At -c "select count(*) from \"$t\""); if [ "$c" -gt 0 ]; then echo "$t"; fi; done < "$work/$db.empty")
rows=0
for t in $filled; do
  psql_ -d $db -c "\\copy \"$t\" to '$work/$t.copy'"
  rows=$((rows + $(wc -l < "$work/$t.copy")))
done
psql_ -d postgres -c "drop database if exists ${db}_floor" -c "create database ${db}_floor" >/dev/null
LIMBER_DB_URL="jdbc:postgresql://127.0.0.1:5432/${db}_floor" ./limber db migrate >/dev/null
{ echo "begin;"; echo "set local session_replication_role = replica;"
  for t in $filled; do echo "\\copy \"$t\" from '$work/$t.copy'"; done; echo "commit;"; } > "$work/floor.sql"
t0=$(now_ms); psql_ -d ${db}_floor -f "$work/floor.sql" >/dev/null; t1=$(now_ms)
floor_ms=$((t1 - t0))
psql_ -d postgres -c "drop database ${db}_floor" >/dev/null
rm -f "$work"/*.copy

# the same seed again, into another fresh database
db2=${db}_again
generate $db2
second=$(digest $db2)
psql_ -d postgres -c "drop database $db2" >/dev/null

awk -v n="$written" -v o="$own_ms" -v w="$whole_ms" -v f="$floor_ms" -v r="$rows" -v t="$(echo $filled | wc -w)" 'BEGIN {
  printf "generator (its own time): %d referrals with their journeys in %.1f s = %.0f referrals/s (target: 200,000 in <= 60 s)\n", n, o/1000, n/(o/1000);
  printf "whole command (JVM start, migrations check, areas, journeys): %.1f s\n", w/1000;
  printf "floor: COPY of the %d rows it wrote into %d of Limber\047s tables (indexes and keys, foreign keys not checked): %.1f s;\n", r, t, f/1000;
  printf "  the generator takes %.1fx the floor\n", o/f }'
if [ "$first" = "$second" ]; then echo "same seed, same data: yes (digest $first)"; else echo "same seed, same data: NO ($first vs $second)"; exit 1; fi
