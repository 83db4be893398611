#!/usr/bin/env bash
# `crosscheck quantities` against the hand-labeled quantities whose sentences
# are in this folder (ECB+ under CC BY 3.0, and sentences written for the
# purpose): tools/eval_quantities.py prints precision, recall and F1 per
# metric and fails below the bars. The bars are the figures measured when
# the tagger last changed, rounded down; a change that extracts worse fails.
# The label files that point into ../shared/corpora (stories, TimeML) are
# scored by .ci/run, which has the corpora beside the checkout.
set -euo pipefail
root="$TEST_SRCDIR/$TEST_WORKSPACE"
cd "$root"
python3 tools/eval_quantities.py --bin checker/crosscheck --rules rules --per-file \
  --min-f1 value=0.96 --min-f1 value+unit=0.85 --min-f1 value+change=0.91 \
  --min-f1 value+concept=0.66 \
  testdata/labeled/quantities_ecb_a.jsonl testdata/labeled/quantities_ecb_b.jsonl \
  testdata/labeled/quantities_ecb_c.jsonl testdata/labeled/quantities_written.jsonl
