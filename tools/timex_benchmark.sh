#!/usr/bin/env bash
# crosscheck timex against chrono-node on the same TimeML documents, in one
# run: value F1 (TempEval-3's normalization score, via the corpus's
# score_timex.py), strict and relaxed span F1, and documents per second, on
# the tuning part (TimeBank + AQUAINT), the held-out platinum part and all.
#
#   tools/timex_benchmark.sh PATH/TO/dev.jsonl [SECONDS] [ROUNDS]
#
# chrono-node is benchmark tooling only: npm installs it (pinned by
# tools/timex_bench/package-lock.json) into ~/.cache/crosscheck-timex-bench,
# outside the repository.
#
# Speed, measured the same way on both sides: the documents of all parts are
# read into memory first; then, in one process, every document is tagged
# (crosscheck: TimexTagger::Tag via checker/extract/timex_benchmark --corpus; chrono:
# chrono.parse in node, after a warm-up pass) over and over for at least
# SECONDS (default 3) of wall time; docs/s is documents tagged / wall time.
# Reading, JSON and process start-up are outside the timing on both sides.
# The two alternate for ROUNDS (default 3) rounds, so that load from other
# processes falls on both; each side's figure is the median of its rounds.
# The end-to-end figure of the `crosscheck timex` command (JSON in and out,
# start-up subtracted) is printed too.
set -euo pipefail

GOLD=$(realpath "${1:?usage: tools/timex_benchmark.sh PATH/TO/dev.jsonl [SECONDS] [ROUNDS]}")
SECONDS_PER_ROUND=${2:-3}
ROUNDS=${3:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCORER="$(dirname "$GOLD")/score_timex.py"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
CACHE="$HOME/.cache/crosscheck-timex-bench"

cd "$ROOT"
bazel build -c opt //checker:crosscheck //checker/extract:timex_benchmark >/dev/null 2>&1 ||
  bazel build -c opt //checker:crosscheck //checker/extract:timex_benchmark
BIN="$ROOT/bazel-bin/checker/crosscheck"
BENCH="$ROOT/bazel-bin/checker/extract/timex_benchmark"

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
DOCS=$(wc -l <"$WORK/all.jsonl")

# Output on every document, once, for scoring.
"$BIN" timex "$WORK/all.jsonl" >"$WORK/crosscheck.out"

# Speed: alternating rounds, in-process on both sides.
cc_rates=(); chrono_rates=()
for _ in $(seq "$ROUNDS"); do
  cc_rates+=("$("$BENCH" --corpus="$WORK/all.jsonl" --benchmark_filter=BM_TagCorpus \
    --benchmark_min_time="$SECONDS_PER_ROUND" --benchmark_format=json 2>/dev/null |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["benchmarks"][0]["items_per_second"])')")
  NODE_PATH="$CACHE/node_modules" node tools/timex_bench/chrono_timex.js \
    "$WORK/all.jsonl" "$WORK/chrono.out" "$SECONDS_PER_ROUND" 2>"$WORK/chrono.time"
  chrono_rates+=("$(sed -E 's/docs=([0-9]+) seconds=([0-9.]+).*/\1 \2/' "$WORK/chrono.time" |
    awk '{print $1 / $2}')")
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
cc_rate=$(median "${cc_rates[@]}")
chrono_rate=$(median "${chrono_rates[@]}")

# End to end, `crosscheck timex` on 20 copies minus one document (start-up).
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }
for _ in $(seq 20); do cat "$WORK/all.jsonl"; done >"$WORK/many.jsonl"
head -1 "$WORK/all.jsonl" >"$WORK/one.jsonl"
best_many=999999; best_one=999999
for _ in 1 2 3; do
  t=$(seconds "$BIN" timex "$WORK/many.jsonl"); [ "$(echo "$t < $best_many" | bc)" = 1 ] && best_many=$t
  t=$(seconds "$BIN" timex "$WORK/one.jsonl"); [ "$(echo "$t < $best_one" | bc)" = 1 ] && best_one=$t
done
cli_rate=$(echo "($DOCS * 20 - 1) / ($best_many - $best_one)" | bc -l)

score() {  # score PART SYSTEM -> "value_f1 strict_f1 relaxed_f1"
  python3 "$SCORER" "$WORK/$1.jsonl" "$2" --json | python3 -c '
import json, sys
s = json.load(sys.stdin)
def f1(k):
    v = s[k]
    return v["f1"] if isinstance(v, dict) else v
print("%.1f %.1f %.1f" % tuple(100 * f1(k) for k in ("value", "strict", "relaxed")))'
}

printf "%-10s %-10s %9s %9s %10s\n" part system value_F1 strict_F1 relaxed_F1
for part in tuning platinum all; do
  for system in crosscheck chrono; do
    read -r v s r < <(score "$part" "$WORK/$system.out")
    printf "%-10s %-10s %9s %9s %10s\n" "$part" "$system" "$v" "$s" "$r"
  done
done
printf "\nspeed on all %d documents, in memory, median of %d alternating rounds of >= %s s each:\n" \
  "$DOCS" "$ROUNDS" "$SECONDS_PER_ROUND"
printf "  crosscheck %8.0f docs/s  (rounds: %s)\n" "$cc_rate" "$(printf '%.0f ' "${cc_rates[@]}")"
printf "  chrono     %8.0f docs/s  (rounds: %s)\n" "$chrono_rate" "$(printf '%.0f ' "${chrono_rates[@]}")"
printf "  speed-up   %8.1fx\n" "$(echo "$cc_rate / $chrono_rate" | bc -l)"
printf "crosscheck timex end to end (JSON in and out, start-up subtracted): %.0f docs/s\n" "$cli_rate"
