#!/usr/bin/env bash
# End-to-end checks of the crosscheck binary: bad input gives one line on
# stderr naming the file and line or offset, a non-zero exit and nothing on
# stdout; good input gives a report; --help documents every flag.
set -uo pipefail

BIN="$TEST_SRCDIR/$TEST_WORKSPACE/checker/crosscheck"
BAD="$TEST_SRCDIR/$TEST_WORKSPACE/testdata/bad"
SEEDS="$TEST_SRCDIR/$TEST_WORKSPACE/testdata/caracas"
TMP="${TEST_TMPDIR:-$(mktemp -d)}"
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# expect_error NAME PATTERN ARGS...: non-zero exit, empty stdout, one stderr
# line matching PATTERN (an extended regex).
expect_error() {
  local name=$1 pattern=$2; shift 2
  "$BIN" "$@" >"$TMP/out" 2>"$TMP/err"
  local code=$?
  [ "$code" -ne 0 ] || fail "$name: exit code 0, expected non-zero"
  [ ! -s "$TMP/out" ] || fail "$name: wrote to stdout: $(head -c 200 "$TMP/out")"
  local lines; lines=$(wc -l <"$TMP/err")
  if [ "$name" != "malformed rules" ] && [ "$lines" -ne 1 ]; then
    fail "$name: expected one line on stderr, got $lines: $(cat "$TMP/err")"
  fi
  grep -Eq -e "$pattern" "$TMP/err" || fail "$name: stderr does not match /$pattern/: $(cat "$TMP/err")"
  echo "ok: $name: $(head -1 "$TMP/err")"
}

expect_error "missing path" "nope/missing\.txt: no such file" report "$TMP/nope/missing.txt"
expect_error "empty file" "empty\.txt:1:1: empty file" report "$BAD/empty.txt"
expect_error "binary file" "binary\.txt:1:17 \(byte offset 16\): NUL byte" report "$BAD/binary.txt"
expect_error "invalid UTF-8" "invalid_utf8\.txt:2:21 \(byte offset 55\): invalid UTF-8" report "$BAD/invalid_utf8.txt"
expect_error "JSONL line not JSON" "not_json\.jsonl:2: not a JSON article object" report "$BAD/not_json.jsonl"
expect_error "malformed rules" "kinds\.textproto:[0-9]+:[0-9]+: kind 'bad_kind' pattern 'no_value' field regex: needs a \(\?P<value>" \
  --rules="$BAD/bad_rules" report "$SEEDS"
grep -q "unknown macro {NOPE}" "$TMP/err" || fail "malformed rules: the second error is not reported: $(cat "$TMP/err")"
expect_error "rule group that cannot hold the value" \
  "bad_rule_groups/kinds\.textproto:8:[0-9]+: kind 'death_toll' pattern 'victim_killed' field regex: group \(\?P<value>\) cannot match a count" \
  --rules="$BAD/bad_rule_groups" report "$SEEDS"
expect_error "unknown format" "--format=yaml: unknown format; valid choices" --format=yaml report "$SEEDS"
expect_error "unsupported file" "README.md: unsupported file type" report "$BAD/README.md"

# A partial run is not a result: the good line of not_json.jsonl is not
# reported unless the user asks to skip bad input, and then the problem is listed.
"$BIN" --skip_bad_input --format=json report "$BAD/not_json.jsonl" >"$TMP/out" 2>"$TMP/err" ||
  fail "--skip_bad_input: exit $?"
grep -q '"location": ".*not_json.jsonl:2"' "$TMP/out" || fail "--skip_bad_input: problem not listed"
grep -q '"id": "ok1"' "$TMP/out" || fail "--skip_bad_input: good article missing"

# --output is written whole or not at all.
"$BIN" --format=json --output="$TMP/report.json" report "$SEEDS" || fail "--output: exit $?"
python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$TMP/report.json" || fail "--output: not JSON"
"$BIN" --output="$TMP/never.json" report "$BAD/empty.txt" 2>/dev/null
[ ! -e "$TMP/never.json" ] || fail "--output: a failed run left a file"

# Progress: nothing extra on a stderr that is not a terminal; a progress line
# on one that is (--progress=always: the seed run is too quick for auto).
"$BIN" report "$SEEDS" >/dev/null 2>"$TMP/err" || fail "report: exit $?"
[ ! -s "$TMP/err" ] || fail "report wrote to a non-terminal stderr: $(cat "$TMP/err")"
python3 - "$BIN" "$SEEDS" <<'PY' || fail "no progress line on a terminal"
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # the report itself goes nowhere; stderr stays the pty
    os.execv(sys.argv[1], [sys.argv[1], "report", "--progress=always", sys.argv[2]])
out = b""
while True:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
os.waitpid(pid, 0)
sys.exit(0 if b"articles," in out and b"claims," in out else 1)
PY

# --help documents every flag.
"$BIN" --help >"$TMP/help" 2>&1
for flag in format rules output skip_bad_input ledger reviewer min_verdict fail_on finding decision side note list priors compare_undated progress; do
  grep -q -- "-$flag" "$TMP/help" || fail "--help does not document --$flag"
done

# `rules` lists the kinds.
"$BIN" rules >"$TMP/rules" || fail "rules: exit $?"
for kind in deadline death_toll withdrawal_order; do
  grep -q "^$kind " "$TMP/rules" || fail "rules: $kind not listed"
done

# `timex` tags made-up documents, and names the file and line of a bad one.
printf '%s\n' '{"id": "a", "dct": "2019-01-24", "text": "Troops left yesterday and return in two weeks."}' \
  '{"id": "b", "dct": "2019-01-24", "text": "Nothing here."}' >"$TMP/docs.jsonl"
"$BIN" timex "$TMP/docs.jsonl" >"$TMP/out" 2>"$TMP/err" || fail "timex: exit $?: $(cat "$TMP/err")"
grep -q '"id":"a","timexes":\[{"begin":12,"end":21,"text":"yesterday","type":"DATE","value":"2019-01-23"}' \
  "$TMP/out" || fail "timex: yesterday not tagged: $(cat "$TMP/out")"
grep -q '"value":"P2W"' "$TMP/out" || fail "timex: two weeks not tagged: $(cat "$TMP/out")"
grep -q '{"id":"b","timexes":\[\]}' "$TMP/out" || fail "timex: empty document missing: $(cat "$TMP/out")"
printf '%s\n' '{"id": "a", "dct": "2019-01-24", "text": "ok"}' '{"id": "b", "dct": "Jan 24", "text": "ok"}' \
  >"$TMP/bad_dct.jsonl"
expect_error "timex bad dct" 'bad_dct\.jsonl:2: "dct": expected a date YYYY-MM-DD' timex "$TMP/bad_dct.jsonl"
expect_error "timex not JSON" 'not_json\.jsonl:2: not a JSON document .*expected one JSON object' \
  timex "$BAD/not_json.jsonl"

if [ "$failures" -ne 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "all CLI checks passed"
