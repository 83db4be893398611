#!/usr/bin/env bash
# Throughput and memory benchmark of `crosscheck report` (ingest, segment,
# extract on every core, copies, compare, reliability) on a synthetic corpus.
#
#   tools/benchmark.sh [SIZE_MB]        (default 50; 1 MB = 10^6 bytes)
#
# Steps: tools/setup.sh (Debian packages, idempotent) -> bazel build -c opt
# //:crosscheck -> generate the corpus with tools/gen_corpus.py (seed 1) into
# ${XDG_CACHE_HOME:-$HOME/.cache}/crosscheck/bench_corpus_<SIZE>mb.jsonl, or
# reuse it -> run `crosscheck report --timings CORPUS` (extraction on every
# core, then copies, comparison and reliability) under /usr/bin/time -v, and
# print size, articles, claims, wall and CPU seconds, cores busy, throughput,
# peak RSS and where the time went, followed by the exact commands so the
# figures can be reproduced. `tools/benchmark.sh 1000` is the 1 GB run.
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

# 4. The measured run: the whole report (extraction on every core, copies,
#    comparison, reliability), with crosscheck's own per-stage timings.
TMP="$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-bench.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
RUN_CMD=("$BIN" report --timings --format=json --output="$TMP/report.json" "$CORPUS")
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

python3 - "$TMP/report.json" "$BYTES" "$WALL_S" "$USER_S" "$SYS_S" "$RSS_KB" "$CORPUS" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
summary = report.get("summary", {})
size, wall, user, sys_s, rss_kib, corpus = (int(sys.argv[2]), float(sys.argv[3]),
                                             float(sys.argv[4]), float(sys.argv[5]),
                                             int(sys.argv[6]), sys.argv[7])
mb, cpu = size / 1e6, user + sys_s
claims = summary.get("claims", 0)
comparisons = int(summary.get("comparisons", 0))
print("crosscheck report benchmark (extract on every core + copies + compare + reliability)")
print("  corpus           %s" % corpus)
print("  corpus size      %.1f MB (%d bytes), %d articles" % (mb, size, summary.get("articles", 0)))
print("  claims           %d; findings listed %d, left out %s, subjects truncated %d" % (
    claims, len(report.get("findings", [])), summary.get("omittedFindings", 0),
    summary.get("truncatedSubjects", 0)))
print("  copies           %d" % len(report.get("copies", [])))
print("  wall time        %.2f s" % wall)
print("  CPU time         %.2f s (user %.2f + sys %.2f): %.2f cores busy on average" % (
    cpu, user, sys_s, cpu / wall if wall > 0 else 0))
print("  throughput       %.1f MB/s (wall), %.1f MB per CPU-second" % (
    mb / wall if wall > 0 else 0, mb / cpu if cpu > 0 else 0))
print("  peak RSS         %.0f MB (%.0f%% of the corpus size)" % (
    rss_kib * 1024 / 1e6, 100 * rss_kib * 1024 / size))
print("  comparisons      %d (%.3f per claim)" % (comparisons, comparisons / claims if claims else 0))
PY
echo "  where the time goes (crosscheck --timings):"
sed -n 's/^/    /p' "$TMP/stderr.txt" | grep -v "^    $" || true

echo
echo "Reproduce (from $ROOT):"
for c in "${COMMANDS[@]}"; do
  echo "  $c"
done
