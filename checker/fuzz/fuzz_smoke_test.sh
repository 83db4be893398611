#!/usr/bin/env bash
# Runs a fuzz target for a bounded number of inputs, as CI does on every
# `bazel test //...`:
#   fuzz_smoke_test.sh TARGET RUNS SEED...
# SEEDs are files or directories; a .jsonl seed becomes one seed per line
# (an article record each). The regression inputs (what fuzzing once found)
# are seeds too. Exits non-zero when the target crashes, with its input left
# in $TEST_UNDECLARED_OUTPUTS_DIR.
set -euo pipefail
target="$1"; runs="$2"; shift 2
corpus="$(mktemp -d "${TEST_TMPDIR:-/tmp}/corpus.XXXXXX")"
n=0
add() {  # copies one seed file into the corpus
  n=$((n + 1)); cp "$1" "$corpus/seed-$n"
}
for seed in "$@"; do
  if [ -d "$seed" ]; then
    while IFS= read -r -d '' f; do add "$f"; done < <(find "$seed" -type f -print0 | sort -z)
  elif [[ "$seed" == *.jsonl ]]; then
    while IFS= read -r line; do
      n=$((n + 1)); printf '%s\n' "$line" > "$corpus/seed-$n"
    done < "$seed"
  else
    add "$seed"
  fi
done
artifacts="${TEST_UNDECLARED_OUTPUTS_DIR:-${TEST_TMPDIR:-/tmp}}"
mkdir -p "$artifacts"
export CROSSCHECK_FUZZ_ARTIFACTS="$artifacts"
echo "fuzzing $(basename "$target") with $n seeds for $runs runs"
# The same command line for libFuzzer (--config=fuzz) and the standalone
# driver. -artifact_prefix is libFuzzer's; the driver ignores it.
"$target" -runs="$runs" -seed=1 -artifact_prefix="$artifacts/" "$corpus"
