#!/usr/bin/env bash
# Every ECB+ topic mixes two real events (article ids ending `ecb` vs
# `ecbplus`): crosscheck's grouping of each topic's articles into events,
# scored with B-cubed against that split (tools/eval_grouping.py). The bars
# are the figures measured when the grouping last changed, rounded down.
set -euo pipefail
root="$TEST_SRCDIR/$TEST_WORKSPACE"
cd "$root"
python3 tools/eval_grouping.py --bin checker/crosscheck --min-f1 "${MIN_F1:-0.55}" \
  --min-overall-f1 "${MIN_OVERALL_F1:-0.88}" testdata/ecbplus/topic_*.jsonl
