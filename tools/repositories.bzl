"""The offline stand-ins crosscheck builds with (see third_party/README.md).

A workspace that uses crosscheck as an external repository declares them
too, pointing at crosscheck's checkout:

    local_repository(name = "crosscheck", path = "/src/crosscheck")
    load("@crosscheck//tools:repositories.bzl", "crosscheck_repositories")
    crosscheck_repositories(path = "/src/crosscheck")
"""

_REPOSITORIES = {
    # Bazel 4.2.3 loads these while configuring its own toolchains.
    "rules_cc": "rules_cc",
    "rules_java": "rules_java",
    "remote_coverage_tools": "remote_coverage_tools",
    # Debian's system libraries under their conventional names.
    "com_google_protobuf": "protobuf",
    "com_google_absl": "absl",
    "com_googlesource_code_re2": "re2",
    "com_google_googletest": "googletest",
    "com_github_google_benchmark": "benchmark",
    "icu": "icu",
    "jemalloc": "jemalloc",
    "com_github_tencent_rapidjson": "rapidjson",
}

def crosscheck_repositories(path = ""):
    """Declares crosscheck's third-party repositories.

    Args:
      path: crosscheck's checkout, absolute or relative to the workspace
        root; empty inside crosscheck itself.
    """
    prefix = path + "/" if path else ""
    for name, folder in _REPOSITORIES.items():
        if not native.existing_rule(name):
            native.local_repository(name = name, path = prefix + "third_party/" + folder)
