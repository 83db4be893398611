"""A corpus as Bazel actions: crosscheck_claims, crosscheck_report, crosscheck_test.

Extraction is a pure function of one article and the rules, so each article
(or each shard of a JSONL file) is one action, `CrosscheckExtract`, writing
a claims file; one action, `CrosscheckCompare`, reads only the claims files,
the rules and the ledger and writes the report (a binary crosscheck.Report);
small `CrosscheckRender` actions turn it into Markdown, HTML and JSON. Adding
an article to a corpus of N re-runs one extraction and the comparison, and
every action can be cached (--disk_cache, --remote_cache) or executed
remotely (--remote_executor): see README.md, "Large corpora".

    load("@crosscheck//tools:crosscheck.bzl", "crosscheck_report", "crosscheck_test")

    crosscheck_report(
        name = "report",          # bazel build //corpus:report
        srcs = glob(["*.txt", "*.meta.textproto", "*.jsonl"]),
        ledger = "reviews.textproto",
    )

    crosscheck_test(
        name = "check",           # bazel test //corpus:check
        srcs = glob(["*.txt", "*.meta.textproto"]),
        ledger = "reviews.textproto",
    )

The test fails when a finding at or above `fail_on` has no verdict in the
review ledger, printing the unreviewed findings and how to review them. It
writes JUnit XML ($XML_OUTPUT_FILE, one test case per finding) and the full
report as report.md and report.json to $TEST_UNDECLARED_OUTPUTS_DIR
(bazel-testlogs/<package>/<name>/test.outputs/outputs.zip).

Labels are written with Label() so that the macros work the same when
crosscheck is an external repository (`@crosscheck`).
"""

_VERDICTS = ["CONTRADICTION", "DISPUTED", "DISCREPANCY", "UPDATE", "AGREEMENT"]

_SIDECAR = ".meta.textproto"

def _rules_dir(ctx):
    dirs = {f.dirname: True for f in ctx.files.rules}
    if len(dirs) != 1:
        fail("%s: rules must be the files of one directory, got %s" % (ctx.label, sorted(dirs.keys())))
    return dirs.keys()[0]

def _out_name(f):
    # Output names must stay inside the package: external files get a prefix.
    return f.short_path.replace("../", "external/")

def _crosscheck_claims_impl(ctx):
    rules_dir = _rules_dir(ctx)
    sidecars = {}
    for f in ctx.files.srcs:
        if f.basename.endswith(_SIDECAR):
            sidecars[f.path[:-len(_SIDECAR)]] = f
    outputs = []
    for f in ctx.files.srcs:
        if f.basename.endswith(_SIDECAR):
            continue
        if f.extension == "txt":
            stem = f.path[:-len(".txt")]
            inputs = [f] + ([sidecars[stem]] if stem in sidecars else [])
            shards = [None]
        elif f.extension == "jsonl":
            inputs = [f]
            shards = range(ctx.attr.jsonl_shards)
        else:
            fail("%s: %s is neither an article (.txt, .jsonl) nor a sidecar (%s)" % (ctx.label, f.short_path, _SIDECAR))
        for shard in shards:
            suffix = "" if shard == None else ".%d-of-%d" % (shard, ctx.attr.jsonl_shards)
            out = ctx.actions.declare_file("%s/%s%s.claims" % (ctx.label.name, _out_name(f), suffix))
            args = ctx.actions.args()
            args.add("extract")
            args.add("--rules=" + rules_dir)
            args.add("--jobs=1")
            args.add("--output=" + out.path)
            if shard != None:
                args.add("--shard=%d/%d" % (shard, ctx.attr.jsonl_shards))
            if ctx.attr.skip_bad_input:
                args.add("--skip_bad_input")
            if ctx.attr.copy_sampling != 1:
                args.add("--copy_sampling=%d" % ctx.attr.copy_sampling)
            args.add(f.path)
            ctx.actions.run(
                executable = ctx.executable._crosscheck,
                arguments = [args],
                inputs = inputs + ctx.files.rules,
                outputs = [out],
                mnemonic = "CrosscheckExtract",
                progress_message = "Extracting claims from %s%s" % (f.short_path, suffix),
            )
            outputs.append(out)
    return [DefaultInfo(files = depset(outputs), runfiles = ctx.runfiles(files = outputs))]

_RULES_ATTR = attr.label(
    default = Label("//rules"),
    allow_files = [".textproto"],
    doc = "The rules (a filegroup of *.textproto in one directory).",
)

_CROSSCHECK_ATTR = attr.label(
    default = Label("//checker:crosscheck"),
    executable = True,
    cfg = "exec",
)

crosscheck_claims = rule(
    implementation = _crosscheck_claims_impl,
    doc = "One CrosscheckExtract action per article (or JSONL shard): claims files.",
    attrs = {
        "srcs": attr.label_list(allow_files = [".txt", ".jsonl", ".textproto"], mandatory = True),
        "rules": _RULES_ATTR,
        "jsonl_shards": attr.int(default = 1, doc = "Actions per JSONL file (interleaved lines)."),
        "copy_sampling": attr.int(default = 1, doc = "Keep one shingle in N in copy fingerprints."),
        "skip_bad_input": attr.bool(default = False),
        "_crosscheck": _CROSSCHECK_ATTR,
    },
)

def _crosscheck_compare_impl(ctx):
    rules_dir = _rules_dir(ctx)
    report = ctx.actions.declare_file(ctx.label.name + ".report")
    args = ctx.actions.args()
    args.add("report")
    args.add("--format=proto")
    args.add("--rules=" + rules_dir)
    args.add("--output=" + report.path)
    inputs = list(ctx.files.claims) + ctx.files.rules
    if ctx.file.ledger:
        args.add("--ledger=" + ctx.file.ledger.path)
        inputs.append(ctx.file.ledger)
    if ctx.file.priors:
        args.add("--priors=" + ctx.file.priors.path)
        inputs.append(ctx.file.priors)
    if ctx.attr.compare_undated:
        args.add("--compare_undated")

    # The claims files' paths in a file: a corpus of 100,000 articles does
    # not fit on a command line.
    claims = ctx.actions.args()
    claims.set_param_file_format("multiline")
    claims.add_all(ctx.files.claims)
    claims_list = ctx.actions.declare_file(ctx.label.name + ".inputs")
    ctx.actions.write(claims_list, claims)
    args.add("--input_list=" + claims_list.path)
    ctx.actions.run(
        executable = ctx.executable._crosscheck,
        arguments = [args],
        inputs = inputs + [claims_list],
        outputs = [report],
        mnemonic = "CrosscheckCompare",
        progress_message = "Comparing the claims of %d files for %s" % (len(ctx.files.claims), ctx.label),
    )
    outputs = [report]
    for fmt, ext in [("markdown", "md"), ("html", "html"), ("json", "json")]:
        if not ctx.attr.render:
            break
        out = ctx.actions.declare_file("%s.%s" % (ctx.label.name, ext))
        ctx.actions.run(
            executable = ctx.executable._crosscheck,
            arguments = ["report", "--format=" + fmt, "--rules=" + rules_dir, "--output=" + out.path, report.path],
            inputs = [report] + ctx.files.rules,
            outputs = [out],
            mnemonic = "CrosscheckRender",
            progress_message = "Rendering %s as %s" % (ctx.label, fmt),
        )
        outputs.append(out)
    return [DefaultInfo(files = depset(outputs), runfiles = ctx.runfiles(files = outputs))]

crosscheck_compare = rule(
    implementation = _crosscheck_compare_impl,
    doc = "One CrosscheckCompare action over claims files: NAME.report (and .md, .html, .json).",
    attrs = {
        "claims": attr.label_list(allow_files = [".claims"], mandatory = True),
        "ledger": attr.label(allow_single_file = True),
        "priors": attr.label(allow_single_file = True),
        "compare_undated": attr.bool(default = False),
        "render": attr.bool(default = True),
        "rules": _RULES_ATTR,
        "_crosscheck": _CROSSCHECK_ATTR,
    },
)

def crosscheck_report(name, srcs, ledger = None, priors = None, rules = None, compare_undated = False, jsonl_shards = 1, skip_bad_input = False, render = True, copy_sampling = 1, **kwargs):
    """A corpus's report: NAME.report, NAME.md, NAME.html and NAME.json.

    Args:
      name: the target; `NAME_claims` holds the claims files.
      srcs: the article files (.txt with their .meta.textproto sidecars, and .jsonl).
      ledger: an optional review ledger (crosscheck.Ledger textproto).
      priors: optional outlet priors (crosscheck.OutletPriors textproto).
      rules: a filegroup of rules files to use instead of crosscheck's own.
      compare_undated: compare claims of undated articles too.
      jsonl_shards: extraction actions per JSONL file.
      skip_bad_input: list bad articles in the report instead of failing.
      render: also render NAME.md, NAME.html and NAME.json.
      copy_sampling: keep one word shingle in N (a power of two) in the copy
        fingerprints: claims files (the comparison's inputs) about N times
        smaller, copies judged on a sample. 1 (default): every shingle.
      **kwargs: passed to both rules (tags, visibility, testonly, ...).
    """
    extra = {"rules": rules} if rules else {}
    crosscheck_claims(
        name = name + "_claims",
        srcs = srcs,
        jsonl_shards = jsonl_shards,
        skip_bad_input = skip_bad_input,
        copy_sampling = copy_sampling,
        **dict(kwargs, **extra)
    )
    crosscheck_compare(
        name = name,
        claims = [":" + name + "_claims"],
        ledger = ledger,
        priors = priors,
        compare_undated = compare_undated,
        render = render,
        **dict(kwargs, **extra)
    )

def crosscheck_test(name, srcs, ledger, fail_on = "CONTRADICTION", rules = None, compare_undated = False, jsonl_shards = 1, **kwargs):
    """Checks a corpus of articles; fails on unreviewed findings.

    Args:
      name: the test's name; `NAME_report` is its report target.
      srcs: the article files (.txt with their .meta.textproto sidecars, and
        .jsonl).
      ledger: the review ledger file (a crosscheck.Ledger textproto); it may
        be empty, and `crosscheck review` fills it.
      fail_on: the least severe verdict that fails the test: CONTRADICTION
        (default), DISPUTED, DISCREPANCY, UPDATE or AGREEMENT.
      rules: a filegroup of rules files to use instead of crosscheck's own.
      compare_undated: compare claims of undated articles too.
      jsonl_shards: extraction actions per JSONL file.
      **kwargs: passed to the underlying sh_test (size, tags, ...).
    """
    if fail_on not in _VERDICTS:
        fail("crosscheck_test %s: fail_on = %r; valid choices: %s" % (name, fail_on, ", ".join(_VERDICTS)))
    report = name + "_report"
    crosscheck_report(
        name = report,
        srcs = srcs,
        ledger = ledger,
        rules = rules,
        compare_undated = compare_undated,
        jsonl_shards = jsonl_shards,
        render = False,
        testonly = True,
    )
    binary = Label("//checker:crosscheck")
    package = native.package_name()
    native.sh_test(
        name = name,
        srcs = [Label("//tools:crosscheck_test_runner.sh")],
        args = [
            "$(rootpath %s)" % binary,
            "$(rootpath %s)" % ledger,
            fail_on,
            package if package else ".",
            "$(rootpath :%s)" % report,
        ],
        data = [binary, ledger, ":" + report],
        **kwargs
    )
