#!/usr/bin/env bash
# crosscheck timex against chrono-node on the same TimeML documents, in one
# run: value F1 (TempEval-3's normalization score, via the corpus's
# score_timex.py), strict and relaxed span F1, and documents per second, on
# the tuning part (TimeBank + AQUAINT), the held-out platinum part and all.
#
#   tools/timex_benchmark.sh PATH/TO/dev.jsonl [REPEATS]
#
# chrono-node is benchmark tooling only: npm installs it (pinned by
# tools/timex_bench/package-lock.json) into ~/.cache/crosscheck-timex-bench,
# outside the repository. Speed excludes process start-up on both sides:
# crosscheck's is the time of REPEATS copies of all documents minus the time
# of one document (loading and compiling the rules); chrono's is timed inside
# node around REPEATS passes of chrono.parse, after loading and reading.
set -euo pipefail

GOLD=$(realpath "${1:?usage: tools/timex_benchmark.sh PATH/TO/dev.jsonl [REPEATS]}")
REPEATS=${2:-20}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCORER="$(dirname "$GOLD")/score_timex.py"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
CACHE="$HOME/.cache/crosscheck-timex-bench"

cd "$ROOT"
bazel build -c opt //checker:crosscheck >/dev/null 2>&1 || bazel build -c opt //checker:crosscheck
BIN="$ROOT/bazel-bin/checker/crosscheck"

mkdir -p "$CACHE"
cp tools/timex_bench/package.json tools/timex_bench/package-lock.json "$CACHE/"
if ! [ -d "$CACHE/node_modules/chrono-node" ]; then
  (cd "$CACHE" && npm ci --no-audit --no-fund >/dev/null)
fi

# The parts, outside the repository.
python3 - "$GOLD" "$WORK" <<'PY'
import json, sys
gold, work = sys.argv[1], sys.argv[2]
parts = {"tuning": [], "platinum": [], "all": []}
for line in open(gold, encoding="utf-8"):
    if not line.strip():
        continue
    d = json.loads(line)
    parts["all"].append(line)
    parts["platinum" if d["source"].endswith("platinum") else "tuning"].append(line)
for name, lines in parts.items():
    with open(f"{work}/{name}.jsonl", "w", encoding="utf-8") as f:
        f.writelines(lines)
PY

# seconds CMD...: wall seconds of CMD, its output discarded.
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }

# Output on every document, once, for scoring.
"$BIN" timex "$WORK/all.jsonl" >"$WORK/crosscheck.out"
NODE_PATH="$CACHE/node_modules" node tools/timex_bench/chrono_timex.js \
  "$WORK/all.jsonl" "$WORK/chrono.out" "$REPEATS" 2>"$WORK/chrono.time"

# crosscheck's speed: REPEATS copies minus one document.
for _ in $(seq "$REPEATS"); do cat "$WORK/all.jsonl"; done >"$WORK/many.jsonl"
head -1 "$WORK/all.jsonl" >"$WORK/one.jsonl"
DOCS=$(wc -l <"$WORK/all.jsonl")
best_many=999999; best_one=999999
for _ in 1 2 3; do
  t=$(seconds "$BIN" timex "$WORK/many.jsonl"); [ "$(echo "$t < $best_many" | bc)" = 1 ] && best_many=$t
  t=$(seconds "$BIN" timex "$WORK/one.jsonl"); [ "$(echo "$t < $best_one" | bc)" = 1 ] && best_one=$t
done
cc_rate=$(echo "($DOCS * $REPEATS - 1) / ($best_many - $best_one)" | bc -l)
read -r chrono_docs chrono_seconds < <(sed -E 's/docs=([0-9]+) seconds=([0-9.]+).*/\1 \2/' "$WORK/chrono.time")
chrono_rate=$(echo "$chrono_docs / $chrono_seconds" | bc -l)

score() {  # score PART SYSTEM -> "value_f1 strict_f1 relaxed_f1"
  python3 "$SCORER" "$WORK/$1.jsonl" "$2" --json | python3 -c '
import json, sys
s = json.load(sys.stdin)
def f1(k):
    v = s[k]
    return v["f1"] if isinstance(v, dict) else v
print("%.1f %.1f %.1f" % tuple(100 * f1(k) for k in ("value", "strict", "relaxed")))'
}

printf "%-10s %-10s %9s %9s %10s %12s\n" part system value_F1 strict_F1 relaxed_F1 docs/s
for part in tuning platinum all; do
  for system in crosscheck chrono; do
    read -r v s r < <(score "$part" "$WORK/$system.out")
    rate=$([ "$system" = crosscheck ] && echo "$cc_rate" || echo "$chrono_rate")
    printf "%-10s %-10s %9s %9s %10s %12.0f\n" "$part" "$system" "$v" "$s" "$r" "$rate"
  done
done
printf "\ndocs/s on all %d documents: crosscheck over %d copies (start-up subtracted), chrono %d passes in node; speed-up %.0fx\n" \
  "$DOCS" "$REPEATS" "$REPEATS" "$(echo "$cc_rate / $chrono_rate" | bc -l)"
