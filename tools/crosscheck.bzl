"""crosscheck_test: a corpus of articles as a Bazel test.

The test fails when a finding at or above `fail_on` has no verdict in the
review ledger, printing the unreviewed findings and how to review them. It
writes JUnit XML ($XML_OUTPUT_FILE, one test case per finding) and the full
report as report.md and report.json to $TEST_UNDECLARED_OUTPUTS_DIR
(bazel-testlogs/<package>/<name>/test.outputs/outputs.zip).

    load("@crosscheck//tools:crosscheck.bzl", "crosscheck_test")

    crosscheck_test(
        name = "caracas",
        srcs = glob(["*.txt", "*.meta.textproto", "*.jsonl"]),
        ledger = "reviews.textproto",
    )

Labels are written with Label() so that the macro works the same when
crosscheck is an external repository (`@crosscheck`).
"""

_VERDICTS = ["CONTRADICTION", "DISPUTED", "DISCREPANCY", "UPDATE", "AGREEMENT"]

def crosscheck_test(name, srcs, ledger, fail_on = "CONTRADICTION", rules = None, **kwargs):
    """Checks a corpus of articles; fails on unreviewed findings.

    Args:
      name: the test's name.
      srcs: the article files (.txt with their .meta.textproto sidecars, and
        .jsonl).
      ledger: the review ledger file (a crosscheck.Ledger textproto); it may
        be empty, and `crosscheck review` fills it.
      fail_on: the least severe verdict that fails the test: CONTRADICTION
        (default), DISPUTED, DISCREPANCY, UPDATE or AGREEMENT.
      rules: a filegroup of rules files to use instead of crosscheck's own.
      **kwargs: passed to the underlying sh_test (size, tags, ...).
    """
    if fail_on not in _VERDICTS:
        fail("crosscheck_test %s: fail_on = %r; valid choices: %s" % (name, fail_on, ", ".join(_VERDICTS)))
    binary = Label("//checker:crosscheck")
    articles = name + "_articles"
    native.filegroup(name = articles, srcs = srcs, testonly = True)
    data = [binary, ":" + articles, ledger]
    args = ["$(rootpath %s)" % binary, "$(rootpath %s)" % ledger, fail_on]
    if rules:
        data.append(rules)
        args.append("$(rootpaths %s)" % rules)
    args.append("--")
    args.append("$(rootpaths :%s)" % articles)
    native.sh_test(
        name = name,
        srcs = [Label("//tools:crosscheck_test_runner.sh")],
        args = args,
        data = data,
        **kwargs
    )
