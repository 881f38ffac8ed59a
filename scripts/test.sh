#!/usr/bin/env bash
# Installs, builds and runs every test, the browser test included. This is
# the README's test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The test build leaves out what no test uses, to keep CI well under its 20
# minutes: debug info (a third of each file's compile time; Release here is
# RelWithDebInfo's -O2 without -g) and the benchmark programs. gtest and
# gmock are precompiled once per test binary. The test files themselves are
# compiled without optimization (-O0 halves their compile time); the code
# under test, in the libraries, keeps -O2. `bash scripts/build.sh` alone
# still builds everything with debug info.
BUILD_TYPE=${BUILD_TYPE:-Release} BUILD_BENCHMARKS=${BUILD_BENCHMARKS:-OFF} \
  TEST_PCH=${TEST_PCH:-ON} TEST_CODE_FLAGS=${TEST_CODE_FLAGS:--O0} bash scripts/build.sh
build=${BUILD_DIR:-build}
# The browser test fails, rather than skips, when Chromium, Node.js or
# e2e/node_modules is missing: setup.sh installed them.
export STORYFUSE_REQUIRE_BROWSER=${STORYFUSE_REQUIRE_BROWSER:-1}
[ "${STORYFUSE_WITHOUT_BROWSER:-0}" = 1 ] && STORYFUSE_REQUIRE_BROWSER=0
ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
if compgen -G "$build/e2e-screenshots/*.png" >/dev/null; then
  echo "browser test screenshots:"
  ls -l "$build"/e2e-screenshots/*.png
fi
