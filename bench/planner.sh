#!/usr/bin/env bash
# One-stop clinic planner benchmark: N generated planted clinic days (default 100) of 40 patients,
# 5 services, 6 rooms and 10 practitioners, each planned by the CP-SAT optimiser (time limit
# SECONDS, default 10) and by the greedy baseline in the same run, through the real CLI
# (./limber plan ...). Every plan is checked by ./limber plan check.
# Targets (issue 7): everyone served in >= 95 of 100 days, >= 99.5% of patients overall, within 10 s
# each, >= 15% more patients than greedy, every plan passes the checker; report the mean proven gap.
# Usage: bench/planner.sh [N] [SECONDS] [PATIENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
days=${1:-100}
seconds=${2:-10}
patients=${3:-40}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./limber version >/dev/null

printf '%-5s %8s %8s %8s %8s %6s %8s %6s\n' seed patients greedy cpsat waiting bound gap secs
for seed in $(seq 1 "$days"); do
  ./limber plan generate --seed "$seed" --patients "$patients" --planted --out "$work/day.json" 2>/dev/null
  violations=0
  # ./limber plan checks its own plan and exits 3 (writing nothing) if it breaks a rule; the
  # optimiser's plan is also checked by the separate ./limber plan check.
  ./limber plan --instance "$work/day.json" --solver greedy --out "$work/greedy.json" 2>/dev/null || violations=$((violations + 1))
  ./limber plan --instance "$work/day.json" --solver cpsat --seconds "$seconds" --out "$work/cpsat.json" 2>/dev/null || violations=$((violations + 1))
  ./limber plan check --instance "$work/day.json" --plan "$work/cpsat.json" >/dev/null || violations=$((violations + 1))
  python3 - "$seed" "$violations" "$work/greedy.json" "$work/cpsat.json" >>"$work/rows.tsv" <<'PY'
import json, sys
seed, violations = sys.argv[1], sys.argv[2]
greedy, cpsat = (json.load(open(f)) for f in sys.argv[3:5])
m, g = cpsat["metrics"], greedy["metrics"]
print("\t".join(str(x) for x in (seed, m["patients"], g["patientsServed"], m["patientsServed"], m["waitingMinutes"],
      cpsat["bound"], cpsat["gap"], cpsat["seconds"], violations)))
PY
  tail -1 "$work/rows.tsv" | awk -F'\t' '{printf "%-5s %8s %8s %8s %8s %6s %8s %6s\n", $1, $2, $3, $4, $5, $6, $7, $8}'
done

python3 - "$work/rows.tsv" "$seconds" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
limit = float(sys.argv[2])
n = len(rows)
patients = sum(int(r[1]) for r in rows)
greedy = sum(int(r[2]) for r in rows)
cpsat = sum(int(r[3]) for r in rows)
everyone = sum(1 for r in rows if r[1] == r[3])
gap = sum(float(r[6]) for r in rows) / n
slowest = max(float(r[7]) for r in rows)
violations = sum(int(r[8]) for r in rows)
print()
print(f"{'figure':<46} {'measured':>12} {'target':>10}")
print(f"{'days where the optimiser serves everyone':<46} {f'{everyone} of {n}':>12} {'>= 95%':>10}")
print(f"{'patients served by the optimiser':<46} {100 * cpsat / patients:>11.2f}% {'>= 99.5%':>10}")
print(f"{'patients served by greedy (baseline)':<46} {100 * greedy / patients:>11.2f}% {'':>10}")
print(f"{'optimiser / greedy':<46} {cpsat / greedy:>12.3f} {'>= 1.15':>10}")
print(f"{'mean proven gap (weighted patients served)':<46} {100 * gap:>11.2f}% {'':>10}")
print(f"{'slowest optimiser run, whole plan (s)':<46} {slowest:>12.2f} {f'<= {limit:g}':>10}")
print(f"{'plans failing the checker':<46} {violations:>12} {'0':>10}")
PY
