#!/usr/bin/env bash
# Integration test: a newsroom's own workspace uses crosscheck as an external
# repository (local_repository + crosscheck_test, exactly as README.md shows)
# and lives the loop: the test passes; a new article contradicts the corpus
# and the test fails naming the finding; a reviewer records a verdict; the
# test passes again.
set -euo pipefail

# The crosscheck checkout: the runfiles link WORKSPACE back to it.
# shellcheck source=tools/newsroom_workspace.sh
source "$TEST_SRCDIR/$TEST_WORKSPACE/tools/newsroom_workspace.sh"
cat >"$ws/corpus/BUILD" <<'BUILD'
load("@crosscheck//tools:crosscheck.bzl", "crosscheck_test")

crosscheck_test(
    name = "check",
    srcs = glob(["*.txt", "*.meta.textproto"]),
    ledger = "reviews.textproto",
)
BUILD
touch "$ws/corpus/reviews.textproto"
for id in 001_3a8bfb903518f3c4 003_3fa2cf763a0d4db3; do
  cp "$seeds/$id.txt" "$seeds/$id.meta.textproto" "$ws/corpus/"
done
chmod -R u+w "$ws"

cd "$ws"
bazel_() {  # COMMAND ARGS...: the command's flags go before any "--"
  local command=$1
  shift
  bazel --output_user_root="$TEST_TMPDIR/bazel_root" "$command" --spawn_strategy=local \
    --noshow_progress --ui_event_filters=-info "$@"
}
fail() { echo "FAIL: $*"; bazel --output_user_root="$TEST_TMPDIR/bazel_root" shutdown; exit 1; }

echo "== 1. the corpus as it is: no contradiction, the test passes"
bazel_ test //corpus:check >"$TEST_TMPDIR/1.log" 2>&1 || { cat "$TEST_TMPDIR/1.log"; fail "the first test run should pass"; }

echo "== 2. a new article (McClatchy: 'by Sunday') contradicts the Post's Saturday"
cp "$seeds/000_d6b0371285f5ae76.txt" "$seeds/000_d6b0371285f5ae76.meta.textproto" corpus/
chmod u+w corpus/*
if bazel_ test //corpus:check >"$TEST_TMPDIR/2.log" 2>&1; then
  cat "$TEST_TMPDIR/2.log"; fail "the test should fail on the new contradiction"
fi
cp bazel-testlogs/corpus/check/test.log "$TEST_TMPDIR/2.log"
grep -q "unreviewed finding(s) at or above CONTRADICTION" "$TEST_TMPDIR/2.log" || { cat "$TEST_TMPDIR/2.log"; fail "no summary of unreviewed findings"; }
ids=$(sed -n 's/^CONTRADICTION .*(id \([0-9a-f]*\)).*/\1/p' "$TEST_TMPDIR/2.log")
[ -n "$ids" ] || { cat "$TEST_TMPDIR/2.log"; fail "the failure does not name the finding"; }
grep -q "Sunday 2019-01-27" "$TEST_TMPDIR/2.log" || fail "the failure does not show the values"
xml="bazel-testlogs/corpus/check/test.xml"
grep -q "<failure message=\"unreviewed CONTRADICTION" "$xml" || fail "JUnit XML has no failure"
# (not `unzip | grep -q`: with pipefail, grep quitting early fails the pipe)
unzip -l bazel-testlogs/corpus/check/test.outputs/outputs.zip >"$TEST_TMPDIR/outputs.txt"
grep -q report.json "$TEST_TMPDIR/outputs.txt" || fail "no report in the undeclared outputs"
echo "   failed as it should, naming finding(s) $(echo $ids)"

echo "== 3. a reviewer records the verdicts; the test passes again"
for id in $ids; do
  bazel_ run @crosscheck//:crosscheck -- review --ledger=corpus/reviews.textproto \
    --finding="$id" --decision=confirm --reviewer=desk --note="McClatchy's Sunday is wrong" \
    corpus >"$TEST_TMPDIR/3.log" 2>&1 || { cat "$TEST_TMPDIR/3.log"; fail "review failed"; }
  grep -q "finding_id: \"$id\"" corpus/reviews.textproto || fail "the ledger does not hold $id"
done
bazel_ test //corpus:check >"$TEST_TMPDIR/4.log" 2>&1 || { cat "$TEST_TMPDIR/4.log"; fail "the test should pass once reviewed"; }

bazel --output_user_root="$TEST_TMPDIR/bazel_root" shutdown
echo "PASS: the newsroom loop works with crosscheck as an external repository"
