#!/usr/bin/env bash
# Scale benchmark (docs/performance.md): generated bundles of 1,000, 100,000 and 1,000,000 items
# checked against the benchmark pack and against the shipped packs, plus a batch of 1,000 small
# bundles. Reports wall time, items x rules per second and peak resident memory for each run.
# Usage: Benchmarks/scale.sh [WORKDIR]   (release build; not part of swift test)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/readiness-bench}
mkdir -p "$work"
swift build -c release --product readiness >/dev/null
bin=.build/release/readiness
asof=2026-06-01

measure() { # label items rules-count command...
  local label=$1 items=$2 rules=$3; shift 3
  local log="$work/time.log"
  /usr/bin/time -v "$@" >"$work/out.json" 2>"$log" || { echo "$label: failed"; tail -5 "$log"; return; }
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$log")
  python3 - "$label" "$items" "$rules" "$wall" "$rss" "$cpu" <<'PY'
import sys
label, items, rules, wall, rss, cpu = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5]), float(sys.argv[6])
parts = [float(p) for p in wall.split(':')]
seconds = parts[-1] + (parts[-2] * 60 if len(parts) > 1 else 0) + (parts[-3] * 3600 if len(parts) > 2 else 0)
rate = items * rules / seconds if seconds else float('inf')
print(f"{label:<44} wall {seconds:7.2f} s  cpu {cpu:7.2f} s  {rate/1e6:8.2f} M item-rules/s  peak RSS {rss/1024:7.1f} MB")
PY
}

shipped=$($bin rules | grep -c '^[A-Z]' || true)
for n in 1000 100000 1000000; do
  [ -d "$work/gen-$n" ] || $bin generate --items $n --seed 1 --pattern unallocated-only=0.02 --pattern synthetic=0.01 \
    --pattern unverified-hash=0.02 --pattern malformed-hash=0.001 --pattern after-arrest=0.001 --output "$work/gen-$n" >/dev/null
  measure "benchmark pack (8 rules), $n items" $n 8 $bin check "$work/gen-$n" --rules Benchmarks/rules --as-of $asof --format json
  measure "shipped packs, $n items" $n "$shipped" $bin check "$work/gen-$n" --as-of $asof --format json
done

if [ ! -d "$work/docket" ]; then
  mkdir -p "$work/docket"
  for i in $(seq 1 1000); do $bin generate --items 20 --seed $i --output "$work/docket/case-$i" >/dev/null; done
fi
measure "batch of 1,000 bundles x 20 items" 20000 "$shipped" $bin check "$work/docket" --as-of $asof --format json
measure "typical sample bundle" 1 "$shipped" $bin check samples/us-ready-possession --as-of $asof --format json
