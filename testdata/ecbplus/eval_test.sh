#!/usr/bin/env bash
# Holds crosscheck's precision and recall on three hand-annotated ECB+
# topics (see README.md): CONTRADICTION and DISCREPANCY findings only.
set -euo pipefail
root="$TEST_SRCDIR/$TEST_WORKSPACE"
bin="$root/checker/crosscheck"
eval="$root/tools/eval_findings.py"
gold="$root/testdata/ecbplus/gold.json"
status=0
# topic  min-precision  min-recall  (the figures measured when this was written;
# topic 20 since undated articles are compared within their event and a
# developing count's undated reports make one finding together: its undated ecb
# half holds Sunday's 5.6 quake and Monday's 5.2 one at the same place, which
# nothing in the text that crosscheck reads tells apart; 2 of its 5 findings
# are wrong)
while read -r topic precision recall; do
  "$bin" report --format=json "$root/testdata/ecbplus/$topic.jsonl" >"$TEST_TMPDIR/$topic.json"
  python3 "$eval" "$TEST_TMPDIR/$topic.json" "$gold" "$topic" \
    --min-precision "$precision" --min-recall "$recall" || status=1
done <<'TABLE'
topic_8 1.0 1.0
topic_18 1.0 1.0
topic_20 0.6 1.0
TABLE
exit $status
