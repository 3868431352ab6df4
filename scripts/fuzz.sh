#!/usr/bin/env bash
# Fuzzes one ReadinessKit input path with libFuzzer (plus AddressSanitizer) for a number of seconds.
#
#   scripts/fuzz.sh TARGET SECONDS [-- extra libFuzzer flags]
#   scripts/fuzz.sh all SECONDS          # each target in turn, SECONDS each (never in parallel)
#
# TARGET is loader (YAML text -> BundleLoader), csv (bytes -> CSVReader whole and chunked, the
# evidence reader, and the importers' chunked reader), expression (text -> lexer, parser, checker,
# evaluator, message templates) or cybertip-xml (bytes -> SafeXML, the CyberTip mapper and the
# YAML writer, whose output must read back as written) or jsonl (bytes -> the evidence reader on a
# JSON Lines listing: whole, chunked and in pieces on worker threads, compared).
# The entry points are Tests/ReadinessKitTests/Hostile/FuzzEntryPoints.swift, shared with the
# replay test in `swift test`.
#
# The harness is the separate package Fuzz/ (never part of `swift build` or `swift test`); the first
# run builds it into Fuzz/.build (several minutes). libFuzzer starts from the committed seeds in
# Fuzz/corpus/TARGET plus everything earlier runs found (Fuzz/.build/work/TARGET/corpus).
#
# Every crash, timeout (an input over 10 s) or out-of-memory input is copied to
#   Tests/ReadinessKitTests/Fixtures/hostile/fuzz-regressions/TARGET/
# where FuzzReplayTests replays it on every `swift test`: commit it with the fix. The script exits
# 1 when anything was found.
#
# Environment:
#   FUZZ_MERGE=1   afterwards, add the inputs that reached new code to Fuzz/corpus/TARGET (minimised)
#   FUZZ_REBUILD=1 rebuild the harness even if it exists
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

usage() { echo "usage: scripts/fuzz.sh loader|csv|expression|cybertip-xml|jsonl|all SECONDS [-- libFuzzer flags]" >&2; exit 64; }
[ $# -ge 2 ] || usage
target=$1
seconds=$2
shift 2
[ "${1:-}" = "--" ] && shift
[[ "$seconds" =~ ^[0-9]+$ ]] || usage
targets=(loader csv expression cybertip-xml jsonl)

if [ "$target" = all ]; then
  status=0
  for each in "${targets[@]}"; do "$0" "$each" "$seconds" "$@" || status=1; done
  exit $status
fi
[[ " ${targets[*]} " == *" $target "* ]] || usage

binary="$root/Fuzz/.build/release/ReadinessFuzz"
if [ ! -x "$binary" ] || [ "${FUZZ_REBUILD:-0}" = 1 ] \
  || [ -n "$(find "$root/Sources" "$root/Tests/ReadinessKitTests/Hostile/FuzzEntryPoints.swift" \
     "$root/Tests/ReadinessKitTests/Hostile/FuzzEntryPoints+JSONLines.swift" "$root/Fuzz/Sources" -newer "$binary" -name '*.swift' -print -quit)" ]; then
  echo "building the fuzz harness (Fuzz/, release, -sanitize=fuzzer,address)…" >&2
  # SwiftPM can keep a stale source list for the path dependency after a merge adds files;
  # dropping the build plan (not the objects) makes it look again.
  rm -f "$root/Fuzz/.build/release.yaml" "$root/Fuzz/.build/release/description.json"
  (cd "$root/Fuzz" && swift build -c release \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing >&2)
fi

case "$target" in
  loader) max_len=8192 ;;
  csv|jsonl) max_len=8192 ;;
  expression) max_len=2048 ;;
  cybertip-xml) max_len=8192 ;;
esac

work="$root/Fuzz/.build/work/$target"
regressions="$root/Tests/ReadinessKitTests/Fixtures/hostile/fuzz-regressions/$target"
mkdir -p "$work/corpus" "$work/artifacts"
rm -f "$work/artifacts/"*
log="$work/fuzz.log"

echo "fuzzing $target for $seconds s (seeds: Fuzz/corpus/$target; log: ${log#$root/})" >&2
set +e
READINESS_FUZZ_TARGET=$target SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 "$binary" \
  "$work/corpus" "$root/Fuzz/corpus/$target" \
  -dict="$root/Fuzz/dictionaries/$target.dict" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len="$max_len" \
  -artifact_prefix="$work/artifacts/" -print_final_stats=1 -detect_leaks=0 "$@" >"$log" 2>&1
status=$?
set -e

# Figures for the report: executions, speed, corpus, coverage.
runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
echo "$target: status $status, ${runs:-?} executions, ${speed:-?} exec/s, corpus $(ls "$work/corpus" | wc -l) files" >&2
echo "  last: $last" >&2

found=0
for artifact in "$work/artifacts/"*; do
  [ -e "$artifact" ] || continue
  found=1
  mkdir -p "$regressions"
  kind=$(basename "$artifact" | cut -d- -f1)
  name="$kind-$(sha1sum "$artifact" | cut -c1-16)"
  cp "$artifact" "$regressions/$name"
  echo "FOUND: ${artifact#$root/} -> ${regressions#$root/}/$name (replayed by FuzzReplayTests)" >&2
done
if [ $found = 1 ] || [ $status -ne 0 ]; then
  echo "the fuzzer stopped on a problem; see ${log#$root/}" >&2
  grep -E 'ERROR|Fatal error|broken guarantee|SUMMARY' "$log" | head -20 >&2 || true
  exit 1
fi

if [ "${FUZZ_MERGE:-0}" = 1 ]; then
  before=$(ls "$root/Fuzz/corpus/$target" | wc -l)
  READINESS_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 "$binary" -merge=1 -max_len="$max_len" \
    "$root/Fuzz/corpus/$target" "$work/corpus" >"$work/merge.log" 2>&1
  echo "merged: Fuzz/corpus/$target $before -> $(ls "$root/Fuzz/corpus/$target" | wc -l) files" >&2
fi
