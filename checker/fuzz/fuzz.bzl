"""crosscheck_fuzz_target: a fuzz target binary and its smoke test."""

load("//checker:copts.bzl", "COPTS")

def crosscheck_fuzz_target(name, seeds, runs, deps = []):
    """A fuzz target `name` (from `name`.cc) and `name`_smoke_test.

    Args:
      name: the target; its source is `name`.cc, defining LLVMFuzzerTestOneInput.
      seeds: labels of seed files (a .jsonl file gives one seed per line).
      runs: how many mutated inputs the smoke test runs after the seeds.
      deps: what the target needs besides :fuzz_support.
    """
    regressions = native.glob(["regressions/%s/*" % name])
    native.cc_binary(
        name = name,
        testonly = True,
        srcs = [name + ".cc"],
        copts = COPTS,
        data = ["//rules"],
        linkopts = select({
            ":libfuzzer": ["-fsanitize=fuzzer"],
            "//conditions:default": [],
        }),
        deps = [":fuzz_support"] + deps + select({
            ":libfuzzer": [],
            "//conditions:default": [":standalone_driver"],
        }),
    )
    native.sh_test(
        name = name + "_smoke_test",
        size = "medium",
        srcs = ["fuzz_smoke_test.sh"],
        args = ["$(location :%s)" % name, str(runs)] +
               ["$(locations %s)" % s for s in seeds] +
               ["$(location %s)" % r for r in regressions],
        data = [":" + name] + seeds + regressions,
    )
