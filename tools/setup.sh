#!/usr/bin/env bash
# Installs every Debian 12 package that crosscheck's build and tests need.
# Idempotent: when everything is installed it only runs dpkg-query and returns.
set -euo pipefail

PACKAGES=(
  bazel-bootstrap       # Bazel 4.2.3 (WORKSPACE mode, offline)
  g++                   # C++17 compiler used by Bazel's auto-configured toolchain
  libabsl-dev           # Abseil LTS 20220623
  libre2-dev            # RE2 2022-06-01
  libprotobuf-dev       # protobuf 3.21 runtime and headers
  protobuf-compiler     # protoc 3.21
  libgtest-dev          # GoogleTest 1.12
  libgmock-dev          # GoogleMock 1.12
  libbenchmark-dev      # Google Benchmark 1.7
  libicu-dev            # ICU 72: sentence breaking, diacritic folding
  libjemalloc-dev       # jemalloc 5.3: the crosscheck binary's allocator
  rapidjson-dev         # RapidJSON 1.1: parses JSONL article records
  python3               # tools/ scripts (benchmark driver, corpus generator)
  tzdata                # IANA time zones: "6:50 p.m. local time" in Paris is 16:50 UTC
  time                  # /usr/bin/time -v for peak memory in benchmarks
  unzip                 # tests read Bazel's undeclared outputs (outputs.zip)
  chromium              # headless browser: //checker/render:render_html_browser_test
  clang-format          # tools/format.sh: C++ formatting, checked in CI
  clang                 # --config=fuzz: libFuzzer targets (checker/fuzz)
  libclang-rt-14-dev    # clang's libFuzzer and sanitizer runtimes
)
# buildifier (tools/format.sh) comes from npm; Debian's npm when the machine
# has none of its own.
command -v npm >/dev/null 2>&1 || PACKAGES+=(npm)

missing=()
for p in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "crosscheck setup: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "crosscheck setup: need root (or sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
# Refresh the package lists only when they are missing or older than a day.
if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*_Packages' -mmin -1440 2>/dev/null | head -1)" ]; then
  $SUDO apt-get update -qq
fi
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
