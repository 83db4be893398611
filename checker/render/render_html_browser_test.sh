#!/usr/bin/env bash
# The HTML report in a real browser: renders the seed corpus and a hostile
# corpus with `crosscheck report --format=html`, has Debian's headless
# Chromium build the DOM, and checks it (render_html_dom_check.py): every
# finding present, each highlighted span equal to its claim's matched text,
# only the renderer's own elements and attributes, no console messages
# (errors, CSP violations). Leaves the DOMs and a screenshot of the seed
# report in $TEST_UNDECLARED_OUTPUTS_DIR.
set -uo pipefail

ROOT="$TEST_SRCDIR/$TEST_WORKSPACE"
BIN="$ROOT/checker/crosscheck"
CHECK="$ROOT/checker/render/render_html_dom_check.py"
SEEDS="$ROOT/testdata/caracas"
HOSTILE="$ROOT/testdata/hostile/hostile.jsonl"
TMP="${TEST_TMPDIR:-$(mktemp -d)}"
OUT="${TEST_UNDECLARED_OUTPUTS_DIR:-$TMP}"
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

CHROMIUM="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
if [ -z "$CHROMIUM" ]; then
  echo "FAIL: chromium is not installed; run tools/setup.sh (it installs Debian's chromium)"
  exit 1
fi

# chrome URL STDOUT STDERR FLAGS...: one headless run with a fresh profile,
# no network services, console messages logged to STDERR.
chrome() {
  local url=$1 stdout=$2 stderr=$3
  shift 3
  local profile
  profile=$(mktemp -d -p "$TMP" chromium.XXXXXX)
  HOME="$TMP" timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update --disable-sync \
    --disable-extensions --user-data-dir="$profile" --enable-logging=stderr --v=0 \
    "$@" "$url" >"$stdout" 2>"$stderr"
}

# check NAME DIR_OR_FILE LEDGER [--hostile TEXT...] (LEDGER may be "")
check() {
  local name=$1 input=$2 ledger=$3
  shift 3
  "$BIN" report --format=html ${ledger:+--ledger="$ledger"} --output="$TMP/$name.html" "$input" ||
    { fail "$name: crosscheck --format=html exited $?"; return; }
  "$BIN" report --format=json ${ledger:+--ledger="$ledger"} --output="$TMP/$name.json" "$input" ||
    { fail "$name: crosscheck --format=json exited $?"; return; }
  echo "$name: $(wc -c <"$TMP/$name.html") bytes of HTML"
  chrome "file://$TMP/$name.html" "$OUT/$name.dom.html" "$TMP/$name.log" --dump-dom ||
    { fail "$name: chromium exited $?: $(tail -5 "$TMP/$name.log")"; return; }
  [ -s "$OUT/$name.dom.html" ] || { fail "$name: chromium dumped no DOM"; return; }
  # Console messages: script errors, CSP violations, failed loads.
  if grep -E ":CONSOLE|Uncaught|Content Security Policy|Refused to" "$TMP/$name.log" >"$TMP/$name.console"; then
    fail "$name: console messages: $(head -5 "$TMP/$name.console")"
  fi
  python3 "$CHECK" "$TMP/$name.json" "$OUT/$name.dom.html" "$@" || fail "$name: DOM check"
}

check seed_report "$SEEDS" "$SEEDS/reviews.textproto"
grep -q '<p class="review confirmed"><b>Review:</b> confirmed by' "$TMP/seed_report.html" ||
  fail "seed_report: the ledger's verdicts are not shown"

# A corpus whose text, titles, outlets, ids and URLs carry markup, handlers,
# javascript: URLs and stray '&': all of it must be shown as text.
check hostile "$HOSTILE" "" --hostile \
  "<script>alert('outlet')</script>Evil & Co" \
  "\"><img src=x onerror=alert('title')> Toll & <b>bold</b>" \
  "<script>alert('quote')</script>, officials & \"><img src=x onerror=alert(1)> said." \
  "<img src=x onerror=alert('q')>, police said & confirmed." \
  "evil_b\"><img src=x onerror=alert('id')>" \
  "javascript:alert('url')" \
  "<iframe src=\"javascript:alert('frame')\"></iframe> & stray &amp; &#x3c;" \
  "<style>body{display:none}</style>" \
  "<a href=\"javascript:alert('link')\">click</a>"
# The one http(s) URL is a link, its markup escaped inside the attribute.
grep -q 'href="https://example.com/story?a=1&amp;b=&quot;&gt;&lt;img/src=x/onerror=alert(&#39;href&#39;)&gt;"' \
  "$TMP/hostile.html" || fail "hostile: the https URL is not an escaped link"

# What a person sees: kept with the test outputs.
chrome "file://$TMP/seed_report.html" /dev/null "$TMP/screenshot.log" --hide-scrollbars \
  --window-size=1280,2000 --screenshot="$OUT/seed_report.png" ||
  fail "screenshot: chromium exited $?"
[ -s "$OUT/seed_report.png" ] || fail "screenshot: no PNG written"

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "all browser checks passed"
