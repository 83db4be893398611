# Sourced by the tests that build a newsroom's workspace using crosscheck as
# an external repository (newsroom_test.sh, corpus_actions_test.sh), exactly
# as README.md shows. Sets: src (crosscheck's checkout), seeds (the seed
# articles), ws (the workspace, with WORKSPACE, .bazelrc and an empty
# corpus/), HOME (a private one for Bazel).
src=$(dirname "$(readlink -f "$TEST_SRCDIR/$TEST_WORKSPACE/WORKSPACE")")
seeds="$TEST_SRCDIR/$TEST_WORKSPACE/testdata/caracas"
ws="$TEST_TMPDIR/newsroom"
export HOME="$TEST_TMPDIR/home"
mkdir -p "$HOME" "$ws/corpus"

cat >"$ws/WORKSPACE" <<WS
workspace(name = "newsroom")

local_repository(name = "crosscheck", path = "$src")

load("@crosscheck//tools:repositories.bzl", "crosscheck_repositories")

crosscheck_repositories(path = "$src")
WS
cat >"$ws/.bazelrc" <<'RC'
build --nosandbox_debug --cxxopt=-std=c++17 --host_cxxopt=-std=c++17
RC
