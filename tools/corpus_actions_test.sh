#!/usr/bin/env bash
# Integration test of the corpus as Bazel actions (tools/crosscheck.bzl), in a
# workspace that uses crosscheck as an external repository:
#   1. determinism: the claims files and the report built in two different
#      output bases are byte-identical (the second build shares a disk cache
#      for the compilers but re-runs every crosscheck action: no-cache);
#   2. incrementality: adding one article to the corpus runs exactly one new
#      CrosscheckExtract action and one CrosscheckCompare, counted from
#      Bazel's execution log;
#   3. the comparison action's inputs are claims files, rules and the
#      ledger, never an article.
set -euo pipefail

# shellcheck source=tools/newsroom_workspace.sh
source "$TEST_SRCDIR/$TEST_WORKSPACE/tools/newsroom_workspace.sh"
cat >"$ws/corpus/BUILD" <<'BUILD'
load("@crosscheck//tools:crosscheck.bzl", "crosscheck_report")

crosscheck_report(
    name = "report",
    srcs = glob(["*.txt", "*.meta.textproto"]),
    ledger = "reviews.textproto",
)
BUILD
touch "$ws/corpus/reviews.textproto"
for id in 000_d6b0371285f5ae76 001_3a8bfb903518f3c4 002_29819ce6b5f17083 003_3fa2cf763a0d4db3; do
  cp "$seeds/$id.txt" "$seeds/$id.meta.textproto" "$ws/corpus/"
done
chmod -R u+w "$ws"
cd "$ws"

root="$TEST_TMPDIR/bazel_root"
bazel_() {  # OUTPUT_BASE COMMAND ARGS...
  local base=$1 command=$2
  shift 2
  bazel --output_user_root="$root" --output_base="$root/$base" "$command" \
    --disk_cache="$TEST_TMPDIR/disk_cache" --spawn_strategy=local \
    --noshow_progress --ui_event_filters=-info "$@"
}
fail() {
  echo "FAIL: $*"
  for b in a b; do bazel --output_user_root="$root" --output_base="$root/$b" shutdown || true; done
  exit 1
}
exec_log="$TEST_SRCDIR/$TEST_WORKSPACE/tools/exec_log.py"
# Spawns of MNEMONIC in an execution log that really ran (not cache hits).
ran() { python3 "$exec_log" "$1" "$2" count; }  # LOG MNEMONIC
outputs() {  # the crosscheck outputs of the last build, with their digests
  (cd "$(bazel_ "$1" info bazel-bin 2>/dev/null)/corpus" && find . -name '*.claims' -o -name 'report.*' | sort | xargs sha256sum)
}

echo "== 1. the same corpus in two output bases gives the same bytes"
bazel_ a build //corpus:report >"$TEST_TMPDIR/a.log" 2>&1 || { cat "$TEST_TMPDIR/a.log"; fail "build a"; }
outputs a >"$TEST_TMPDIR/a.sums"
grep -q "report.report" "$TEST_TMPDIR/a.sums" || fail "no report.report built: $(cat "$TEST_TMPDIR/a.sums")"
[ "$(grep -c '\.claims$' "$TEST_TMPDIR/a.sums")" -eq 4 ] || fail "expected 4 claims files: $(cat "$TEST_TMPDIR/a.sums")"
bazel_ b build //corpus:report \
  --modify_execution_info=CrosscheckExtract=+no-cache,CrosscheckCompare=+no-cache,CrosscheckRender=+no-cache \
  --execution_log_json_file="$TEST_TMPDIR/b.json" >"$TEST_TMPDIR/b.log" 2>&1 || { cat "$TEST_TMPDIR/b.log"; fail "build b"; }
[ "$(ran "$TEST_TMPDIR/b.json" CrosscheckExtract)" -eq 4 ] || fail "build b did not re-run the 4 extractions"
outputs b >"$TEST_TMPDIR/b.sums"
diff "$TEST_TMPDIR/a.sums" "$TEST_TMPDIR/b.sums" || fail "outputs differ between output bases"
echo "   $(wc -l <"$TEST_TMPDIR/a.sums") outputs byte-identical"

echo "== 2. one new article: one extraction and one comparison"
cp "$seeds/004_6b5ee66a7ed28d3a.txt" "$seeds/004_6b5ee66a7ed28d3a.meta.textproto" corpus/
chmod u+w corpus/*
bazel_ b build //corpus:report --execution_log_json_file="$TEST_TMPDIR/c.json" \
  >"$TEST_TMPDIR/c.log" 2>&1 || { cat "$TEST_TMPDIR/c.log"; fail "build c"; }
extract=$(ran "$TEST_TMPDIR/c.json" CrosscheckExtract)
compare=$(ran "$TEST_TMPDIR/c.json" CrosscheckCompare)
echo "   CrosscheckExtract actions run: $extract, CrosscheckCompare: $compare"
[ "$extract" -eq 1 ] || fail "expected 1 extraction, ran $extract"
[ "$compare" -eq 1 ] || fail "expected 1 comparison, ran $compare"

echo "== 3. the comparison reads claims files, rules and the ledger only"
python3 "$exec_log" "$TEST_TMPDIR/c.json" CrosscheckCompare inputs >"$TEST_TMPDIR/inputs.txt"
claims=$(grep -c '\.claims$' "$TEST_TMPDIR/inputs.txt" || true)
# Anything but claims files, their list, the ledger, the rules and the binary.
other=$(grep -v -e '\.claims$' -e '\.inputs$' -e 'reviews\.textproto$' -e '/rules/' \
  -e 'checker/crosscheck' "$TEST_TMPDIR/inputs.txt" || true)
echo "   inputs: $claims claims files, $(wc -l <"$TEST_TMPDIR/inputs.txt") in all"
[ "$claims" -eq 5 ] || fail "the comparison read $claims claims files, not 5"
[ -z "$other" ] || fail "the comparison action reads other inputs: $other"

for b in a b; do bazel --output_user_root="$root" --output_base="$root/$b" shutdown; done
echo "PASS: deterministic, incremental, comparison on claims only"
