#!/usr/bin/env bash
# Runs `crosscheck test` for the crosscheck_test macro (tools/crosscheck.bzl)
# on the report its CrosscheckCompare action built (the ledger is already
# applied there; it is named here for the hint and the JUnit suite).
# usage: crosscheck_test_runner.sh BINARY LEDGER FAIL_ON PACKAGE REPORT
# Paths are runfiles paths, relative to the test's working directory.
set -euo pipefail
binary=$1 ledger=$2 fail_on=$3 package=$4 report=$5
exec "$binary" test "--ledger=$ledger" "--fail_on=$fail_on" "--review_paths=$package" "$report"
