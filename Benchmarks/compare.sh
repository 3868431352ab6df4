#!/usr/bin/env bash
# Compares the current release build with an earlier `readiness` binary on the scale benchmark's
# runs, alternating the two so that both see the same load on a shared machine (docs/performance.md).
# Usage: [RUNS=7] Benchmarks/compare.sh OLD_BINARY [WORKDIR]   (run Benchmarks/scale.sh first: it
# generates the bundles in WORKDIR)
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: Benchmarks/compare.sh OLD_BINARY [WORKDIR]}
work=${2:-/tmp/readiness-bench}
runs=${RUNS:-7}
swift build -c release --product readiness >/dev/null
new=.build/release/readiness
asof=2026-06-01

compare() { # label arguments...
  local label=$1 log
  shift
  log=$(mktemp)
  for _ in $(seq "$runs"); do
    for which in old new; do
      local bin=$old
      [ "$which" = new ] && bin=$new
      /usr/bin/time -f "$which %e %M %U %S" "$bin" "$@" >/dev/null 2>>"$log" || { echo "$label: $which failed"; return; }
    done
  done
  for which in old new; do
    grep "^$which " "$log" | sort -k2 -n | awk -v label="$label" -v which="$which" '
      {wall[NR] = $2; if ($3 > rss) rss = $3; cpu[NR] = $4 + $5}
      END {m = int((NR + 1) / 2); printf "%-36s %-3s wall min %5.2f s  median %5.2f s  cpu %5.2f s  peak RSS %6.1f MB  (%d runs)\n",
           label, which, wall[1], wall[m], cpu[m], rss / 1024, NR}'
  done
  rm -f "$log"
}

compare "benchmark pack (8 rules), 1000000 items" check "$work/gen-1000000" --rules Benchmarks/rules --as-of $asof --format json
compare "shipped packs, 1000000 items" check "$work/gen-1000000" --as-of $asof --format json
compare "batch of 1,000 bundles x 20 items" check "$work/docket" --as-of $asof --format json
compare "typical sample bundle" check samples/us-ready-possession --as-of $asof --format json
compare "validate, 1000000 items" validate "$work/gen-1000000"
