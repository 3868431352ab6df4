#!/usr/bin/env bash
# Proves, in a real browser, that an HTML memo of a hostile bundle runs no script and makes no
# network request.
#
#   scripts/browser-check.sh                 render the memo of the hostile bundle and check it
#   scripts/browser-check.sh --page FILE     check an HTML file you already have
#   scripts/browser-check.sh --self-test     prove the mechanism: a page that inserts the hostile
#                                            values raw must FAIL, the same page escaped must PASS
#
# The hostile bundle is Tests/ReadinessKitTests/Fixtures/hostile/html-everywhere: every text field
# of the schema holds script that would set data-pwned on the page if it ran (inline <script>,
# onerror/onload handlers, a javascript: iframe) and markup that would fetch from
# leak.example.invalid (img, stylesheet). The memo is rendered with the documented command
#   readiness check BUNDLE --format html --output MEMO.html
# and opened in Debian's headless chromium (installed with apt-get when missing), with:
#   --dump-dom                          the DOM after load, scripts and handlers (data-pwned = script ran)
#   --host-resolver-rules=MAP * ~NOTFOUND   nothing can reach the network, whatever the page asks
#   --log-net-log=FILE                  every request the page attempted (any http/https URL fails)
# Exit status: 0 safe, 1 unsafe, 2 could not check (no memo command, no browser).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bundle="$root/Tests/ReadinessKitTests/Fixtures/hostile/html-everywhere"
work=$(mktemp -d "${TMPDIR:-/tmp}/readiness-browser-XXXXXX")
trap 'rm -rf "$work"' EXIT

find_browser() {
  for name in chromium chromium-browser google-chrome; do
    command -v "$name" >/dev/null 2>&1 && { command -v "$name"; return 0; }
  done
  echo "installing chromium (Debian package)…" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >&2
  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >&2; fi
  command -v chromium
}

# check_page FILE LABEL: prints the verdict; returns 0 when safe, 1 when not.
check_page() {
  local page=$1 label=$2 browser profile dom netlog log
  browser=$(find_browser)
  profile="$work/profile-$label"
  dom="$work/$label.dom.html"
  netlog="$work/$label.netlog.json"
  log="$work/$label.chromium.log"
  # Root needs --no-sandbox; the other flags stop the browser's own background traffic, so the
  # network log holds only what the page asked for.
  timeout 60 "$browser" --headless=new --no-sandbox --disable-gpu --user-data-dir="$profile" \
    --no-first-run --no-default-browser-check --disable-background-networking --disable-component-update \
    --disable-sync --disable-default-apps --disable-extensions --metrics-recording-only --disable-breakpad \
    --disable-domain-reliability --disable-client-side-phishing-detection --safebrowsing-disable-auto-update \
    --host-resolver-rules="MAP * ~NOTFOUND" --log-net-log="$netlog" --net-log-capture-mode=Everything \
    --enable-logging=stderr --v=1 --virtual-time-budget=5000 --run-all-compositor-stages-before-draw \
    --dump-dom "file://$page" >"$dom" 2>"$log" || true
  local unsafe=0
  if [ ! -s "$dom" ]; then
    echo "$label: the browser produced no DOM; see $log" >&2
    return 2
  fi
  # The payloads set data-pwned on the <html> element; escaped text merely mentions it.
  if grep -qE '<html[^>]*data-pwned' "$dom"; then
    echo "$label: UNSAFE: script ran ($(grep -oE '<html[^>]*data-pwned="[^"]*"' "$dom" | head -1))"
    unsafe=1
  else
    echo "$label: no script ran (the DOM after load has no data-pwned)"
  fi
  # Every http(s) URL in the net log, less the browser's own update and account checks, which it
  # makes whatever the page (and which the resolver rules stop as well).
  local requests
  requests=$( { grep -ohE '"url":"https?://[^"]*"' "$netlog" 2>/dev/null || true; } \
    | grep -vE '"url":"https?://([a-z0-9-]+\.)*(google\.com|googleapis\.com|gstatic\.com|gvt1\.com)(:[0-9]+)?/' \
    | sort -u || true)
  if [ -n "$requests" ] || grep -q 'leak\.example\.invalid' "$netlog" 2>/dev/null; then
    echo "$label: UNSAFE: the page attempted network requests:"
    echo "$requests" | head -10 | sed 's/^/    /'
    unsafe=1
  else
    echo "$label: no network request attempted (net log: $(wc -c <"$netlog" 2>/dev/null || echo 0) bytes, no http/https URL)"
  fi
  return $unsafe
}

# A page that shows the hostile caption, raw or escaped: the self-test's two sides.
hand_made_page() {
  local mode=$1 out=$2
  python3 - "$bundle/case.yaml" "$mode" >"$out" <<'PY'
import html, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
values = [bytes(v, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
          for v in re.findall(r'^\s+(?:caption|summary|notes|title): "((?:[^"\\]|\\.)*)"', text, re.M)][:4]
show = (lambda v: v) if sys.argv[2] == "raw" else (lambda v: html.escape(v, quote=True))
print("<!doctype html><html><head><meta charset=utf-8><title>" + show(values[0]) + "</title></head><body>")
for v in values:
    print("<p title=\"" + show(v) + "\">" + show(v) + "</p>")
print("</body></html>")
PY
}

case "${1:-}" in
  --page)
    [ -f "${2:-}" ] || { echo "usage: scripts/browser-check.sh --page FILE" >&2; exit 2; }
    page=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
    check_page "$page" page
    ;;
  --self-test)
    hand_made_page raw "$work/raw.html"
    hand_made_page escaped "$work/escaped.html"
    set +e
    check_page "$work/raw.html" raw; raw=$?
    check_page "$work/escaped.html" escaped; escaped=$?
    set -e
    if [ $raw -eq 1 ] && [ $escaped -eq 0 ]; then
      echo "self-test passed: the raw page is caught (script and requests), the escaped page is clean"
    else
      echo "self-test FAILED: raw page status $raw (want 1), escaped page status $escaped (want 0)"
      exit 1
    fi
    ;;
  "")
    binary=""
    for candidate in .build/release/readiness .build/debug/readiness; do [ -x "$candidate" ] && { binary=$candidate; break; }; done
    [ -n "$binary" ] || { swift build >&2; binary=.build/debug/readiness; }
    if ! "$binary" check --help 2>&1 | grep -q -- '--output'; then
      echo "this readiness has no HTML memo yet ('check --format html --output' is missing)." >&2
      echo "run 'scripts/browser-check.sh --self-test' to prove the mechanism on a hand-made page." >&2
      exit 2
    fi
    memo="$work/memo.html"
    "$binary" check "$bundle" --rules "$root/Tests/ReadinessKitTests/Fixtures/hostile/rules/echo.yaml" \
      --as-of 2026-06-01 --format html --output "$memo" >/dev/null 2>"$work/render.log" || true
    [ -s "$memo" ] || { echo "the memo was not written to $memo" >&2; exit 2; }
    check_page "$memo" memo
    ;;
  *)
    echo "usage: scripts/browser-check.sh [--page FILE | --self-test]" >&2
    exit 2
    ;;
esac
