#!/usr/bin/env bash
# Runs `crosscheck test` for the crosscheck_test macro (tools/crosscheck.bzl).
# usage: crosscheck_test_runner.sh BINARY LEDGER FAIL_ON [RULE_FILE...] -- ARTICLE...
# Paths are runfiles paths, relative to the test's working directory.
set -euo pipefail
binary=$1 ledger=$2 fail_on=$3
shift 3
rules_dir=""
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  rules_dir=$(dirname "$1")  # every rules file sits in one directory
  shift
done
shift  # --
args=(test "--ledger=$ledger" "--fail_on=$fail_on")
[ -n "$rules_dir" ] && args+=("--rules=$rules_dir")
exec "$binary" "${args[@]}" "$@"
