#!/usr/bin/env bash
# Scale benchmark (docs/performance.md): generated bundles of 1,000, 100,000 and 1,000,000 items
# (and the million as JSON Lines too) checked against the benchmark pack and against the shipped
# packs, plus a batch of 1,000 small bundles. Reports wall time, items x rules per second and peak
# resident memory for each run.
# Usage: [RUNS=5] Benchmarks/scale.sh [WORKDIR]   (release build; not part of swift test)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/readiness-bench}
mkdir -p "$work"
swift build -c release --product readiness >/dev/null
bin=.build/release/readiness
asof=2026-06-01

# Each run is repeated RUNS times (default 5): the machine's timings vary from run to run, so the
# minimum and median wall time are reported, with the CPU time of the median run and the highest
# peak resident memory.
runs=${RUNS:-5}

measure() { # label items rules-count command...
  local label=$1 items=$2 rules=$3; shift 3
  local log="$work/time.log" results="$work/runs.txt"
  : >"$results"
  for _ in $(seq "$runs"); do
    /usr/bin/time -v "$@" >"$work/out.json" 2>"$log" || { echo "$label: failed"; tail -5 "$log"; return; }
    awk -F': ' '/Elapsed \(wall clock\)/ {w = $2} /Maximum resident set size/ {r = $2} /User time|System time/ {c += $2}
      END {n = split(w, p, ":"); s = p[n] + (n > 1 ? p[n-1] * 60 : 0); print s, r, c}' "$log" >>"$results"
  done
  python3 - "$label" "$items" "$rules" "$results" <<'PY'
import sys
label, items, rules, path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
runs = sorted(tuple(map(float, line.split())) for line in open(path) if line.strip())
low, median = runs[0], runs[len(runs) // 2]
peak = max(rss for _, rss, _ in runs)
rate = items * rules / median[0] if median[0] else float('inf')
print(f"{label:<40} wall min {low[0]:5.2f} s  median {median[0]:5.2f} s  cpu {median[2]:5.2f} s  "
      f"{rate/1e6:7.2f} M item-rules/s  peak RSS {peak/1024:6.1f} MB  ({len(runs)} runs)")
PY
}

shipped=$($bin rules | grep -c '^[A-Z]' || true)
generate() { # items listing folder
  [ -d "$3" ] || $bin generate --items "$1" --seed 1 --pattern unallocated-only=0.02 --pattern synthetic=0.01 \
    --pattern unverified-hash=0.02 --pattern malformed-hash=0.001 --pattern after-arrest=0.001 --listing "$2" --output "$3" >/dev/null
}
for n in 1000 100000 1000000; do
  generate $n csv "$work/gen-$n"
  measure "benchmark pack (8 rules), $n items" $n 8 $bin check "$work/gen-$n" --rules Benchmarks/rules --as-of $asof --format json
  measure "shipped packs, $n items" $n "$shipped" $bin check "$work/gen-$n" --as-of $asof --format json
done
# The same million items as a JSON Lines listing (evidence.jsonl).
generate 1000000 jsonl "$work/gen-1000000-jsonl"
measure "benchmark pack (8 rules), 1000000 JSONL" 1000000 8 $bin check "$work/gen-1000000-jsonl" --rules Benchmarks/rules --as-of $asof --format json
measure "shipped packs, 1000000 JSONL" 1000000 "$shipped" $bin check "$work/gen-1000000-jsonl" --as-of $asof --format json

if [ ! -d "$work/docket" ]; then
  mkdir -p "$work/docket"
  for i in $(seq 1 1000); do $bin generate --items 20 --seed $i --output "$work/docket/case-$i" >/dev/null; done
fi
measure "batch of 1,000 bundles x 20 items" 20000 "$shipped" $bin check "$work/docket" --as-of $asof --format json
measure "typical sample bundle" "$(grep -c '^- id:' samples/us-ready-possession/evidence.yaml)" "$shipped" $bin check samples/us-ready-possession --as-of $asof --format json
