#!/usr/bin/env bash
# Formats crosscheck's sources: C++ with clang-format (.clang-format: Google
# style, 100 columns) and BUILD/.bzl files with buildifier.
#
#   tools/format.sh           rewrite what is not formatted
#   tools/format.sh --check   change nothing; list what is not formatted and
#                             exit 1 if anything is (what CI runs)
#
# clang-format comes from Debian (tools/setup.sh); buildifier from npm
# (@bazel/buildifier, pinned in tools/buildifier/package-lock.json),
# installed once under ~/.cache/crosscheck/buildifier: a tool, never part of
# a build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
check=0
[ "${1:-}" = "--check" ] && check=1

CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/crosscheck/buildifier"
BUILDIFIER="$CACHE/node_modules/.bin/buildifier"
if ! cmp -s tools/buildifier/package-lock.json "$CACHE/package-lock.json" 2>/dev/null ||
  [ ! -x "$BUILDIFIER" ]; then
  mkdir -p "$CACHE"
  cp tools/buildifier/package.json tools/buildifier/package-lock.json "$CACHE/"
  (cd "$CACHE" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

mapfile -t cc_files < <(git ls-files -co --exclude-standard -- 'checker/*.cc' 'checker/*.h' | sort)
mapfile -t build_files < <(git ls-files -co --exclude-standard -- 'BUILD' '*/BUILD' '*.bzl' 'WORKSPACE' | sort)

if [ "$check" -eq 0 ]; then
  clang-format -i "${cc_files[@]}"
  "$BUILDIFIER" "${build_files[@]}"
  exit 0
fi
bad=0
for f in "${cc_files[@]}"; do
  if ! clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then
    echo "not formatted: $f (clang-format -i $f)"
    bad=1
  fi
done
if ! out=$("$BUILDIFIER" --mode=check "${build_files[@]}" 2>&1); then
  echo "$out" | sed 's/^/not formatted: /'
  bad=1
fi
if [ "$bad" -ne 0 ]; then
  echo "format: run tools/format.sh to fix" >&2
  exit 1
fi
echo "format: ${#cc_files[@]} C++ files and ${#build_files[@]} Bazel files are formatted"
