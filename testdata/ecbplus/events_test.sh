#!/usr/bin/env bash
# Every ECB+ topic mixes two real events (article ids ending `ecb` vs
# `ecbplus`): with --compare_undated, no finding may compare claims of the
# two (tools/eval_events.py counts them).
set -euo pipefail
root="$TEST_SRCDIR/$TEST_WORKSPACE"
python3 "$root/tools/eval_events.py" --bin "$root/checker/crosscheck" --max-cross 0 \
  "$root/testdata/ecbplus/topic_8.jsonl" "$root/testdata/ecbplus/topic_18.jsonl" \
  "$root/testdata/ecbplus/topic_20.jsonl"
