#!/usr/bin/env bash
# Throughput benchmark of the crosscheck pipeline (ingest + segment + extract +
# normalize) on a synthetic news corpus.
#
#   tools/benchmark.sh [SIZE_MB]        (default 50; 1 MB = 10^6 bytes)
#
# Steps: tools/setup.sh (Debian packages, idempotent) -> bazel build -c opt
# //:crosscheck -> generate the corpus with tools/gen_corpus.py (seed 1) into
# ${XDG_CACHE_HOME:-$HOME/.cache}/crosscheck/bench_corpus_<SIZE>mb.jsonl, or
# reuse it -> run `crosscheck claims --output=/dev/null CORPUS` (single-threaded)
# under /usr/bin/time -v, and print size, articles, wall and CPU seconds,
# throughput (MB/s of wall time, MB per CPU-second) and peak RSS, followed by
# the exact commands so the figures can be reproduced.
#
# Environment: BAZEL (default: bazel) picks the Bazel binary.
# Exits non-zero (showing crosscheck's stderr) when the run fails.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SIZE_MB="${1:-50}"
if ! [[ "$SIZE_MB" =~ ^[0-9]+$ ]] || [ "$SIZE_MB" -eq 0 ]; then
  echo "usage: tools/benchmark.sh [SIZE_MB]   (a positive integer, default 50)" >&2
  exit 2
fi
BAZEL="${BAZEL:-bazel}"
SEED=1
BIN="bazel-bin/checker/crosscheck"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/crosscheck"
CORPUS="$CACHE_DIR/bench_corpus_${SIZE_MB}mb.jsonl"
TIME_BIN=/usr/bin/time

COMMANDS=()   # every command run, for the "reproduce" block
run() {       # prints and runs a command
  echo "+ $*" >&2
  COMMANDS+=("$*")
  "$@"
}

# 1. Packages.
run tools/setup.sh

# 2. Build.
run "$BAZEL" build -c opt //:crosscheck
if [ ! -x "$BIN" ]; then
  echo "benchmark: $ROOT/$BIN not found after the build" >&2
  exit 1
fi

# 3. Corpus (cached; gen_corpus.py writes a temporary file and renames it, so a
#    file that exists is complete).
GEN_CMD=(python3 tools/gen_corpus.py --size-mb "$SIZE_MB" --seed "$SEED" --out "$CORPUS")
if [ -s "$CORPUS" ]; then
  echo "benchmark: reusing $CORPUS (delete it to regenerate)" >&2
  COMMANDS+=("${GEN_CMD[*]}   # (cached; not re-run)")
else
  mkdir -p "$CACHE_DIR"
  run "${GEN_CMD[@]}"
fi

# 4. The measured run.
TMP="$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-bench.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
RUN_CMD=("$BIN" claims --output=/dev/null "$CORPUS")
echo "+ $TIME_BIN -v ${RUN_CMD[*]}" >&2
COMMANDS+=("$TIME_BIN -v ${RUN_CMD[*]}")
set +e
t0=$(date +%s%N)
"$TIME_BIN" -v -o "$TMP/time.txt" "${RUN_CMD[@]}" 2>"$TMP/stderr.txt"
rc=$?
t1=$(date +%s%N)
set -e
if [ "$rc" -ne 0 ]; then
  echo "benchmark: crosscheck failed (exit status $rc); its stderr:" >&2
  cat "$TMP/stderr.txt" >&2
  if [ -s "$TMP/time.txt" ]; then
    grep -E "Command terminated|Exit status" "$TMP/time.txt" >&2 || true
  fi
  exit "$rc"
fi
if [ -s "$TMP/stderr.txt" ]; then
  echo "benchmark: crosscheck stderr (last 10 lines):" >&2
  tail -n 10 "$TMP/stderr.txt" >&2
fi

# 5. Figures.
field() {  # value of a /usr/bin/time -v line, e.g. field "User time (seconds)"
  local v
  v="$(grep -F "$1" "$TMP/time.txt" | head -n 1 | sed 's/.*: *//')"
  if [ -z "$v" ]; then
    echo "benchmark: no '$1' in /usr/bin/time output:" >&2
    cat "$TMP/time.txt" >&2
    exit 1
  fi
  echo "$v"
}
# Wall time from date(1) in ns (GNU time's "Elapsed" has 10 ms resolution).
WALL_S="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')"
USER_S="$(field "User time (seconds)")"
SYS_S="$(field "System time (seconds)")"
RSS_KB="$(field "Maximum resident set size (kbytes)")"
BYTES="$(stat -c %s "$CORPUS")"
ARTICLES="$(wc -l <"$CORPUS")"

awk -v bytes="$BYTES" -v articles="$ARTICLES" -v w="$WALL_S" \
    -v user="$USER_S" -v sys="$SYS_S" -v rss="$RSS_KB" -v corpus="$CORPUS" '
BEGIN {
  cpu = user + sys
  mb = bytes / 1e6
  printf "crosscheck claims benchmark\n"
  printf "  corpus           %s\n", corpus
  printf "  corpus size      %.1f MB (%d bytes)\n", mb, bytes
  printf "  articles         %d\n", articles
  printf "  wall time        %.3f s\n", w
  printf "  CPU time         %.2f s (user %.2f + sys %.2f)\n", cpu, user, sys
  if (w > 0) printf "  throughput       %.2f MB/s (wall)\n", mb / w
  else       printf "  throughput       n/a (wall time below timer resolution)\n"
  if (cpu > 0) printf "  per core         %.2f MB per CPU-second\n", mb / cpu
  else         printf "  per core         n/a (CPU time below timer resolution)\n"
  if (w > 0) printf "  articles/s       %.0f (wall)\n", articles / w
  printf "  peak RSS         %.1f MB (%d KiB)\n", rss * 1024 / 1e6, rss
}'

# The whole report: extraction plus comparison, copies and reliability, with
# the number of value comparisons per claim (they grow with the distinct
# values of a subject, not with the pairs of claims).
REPORT_JSON=$(mktemp)
trap 'rm -f "$REPORT_JSON"' EXIT
REPORT_CMD="/usr/bin/time -f '%e %M' $BIN report --format=json --output=$REPORT_JSON $CORPUS"
COMMANDS+=("$REPORT_CMD")
echo "+ $REPORT_CMD" >&2
REPORT_TIME=$( { /usr/bin/time -f '%e %M' "$BIN" report --format=json --output="$REPORT_JSON" "$CORPUS" 2>&1 1>/dev/null; } | tail -1)
python3 - "$REPORT_JSON" "$REPORT_TIME" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1])).get("summary", {})
wall, rss_kib = sys.argv[2].split()
claims = summary.get("claims", 0)
comparisons = int(summary.get("comparisons", 0))
print("crosscheck report (extract + compare + copies + reliability)")
print("  wall time        %s s" % wall)
print("  peak RSS         %.1f MB" % (int(rss_kib) * 1024 / 1e6))
print("  claims           %d" % claims)
print("  comparisons      %d (%.3f per claim)" % (comparisons, comparisons / claims if claims else 0))
PY

echo
echo "Reproduce (from $ROOT):"
for c in "${COMMANDS[@]}"; do
  echo "  $c"
done
