#!/usr/bin/env bash
# Configures and builds storyfuse into build/ (override with BUILD_DIR).
# Extra arguments go to cmake's configure step. Environment: BUILD_TYPE
# (RelWithDebInfo), BUILD_BENCHMARKS (ON), TEST_PCH (OFF), TEST_CODE_FLAGS
# (none: the test files get the build type's flags).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
# BUILD_TYPE, BUILD_BENCHMARKS, TEST_PCH and TEST_CODE_FLAGS are passed every time, so one
# build folder follows whichever script configured it last.
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" \
      -DSTORYFUSE_BUILD_BENCHMARKS="${BUILD_BENCHMARKS:-ON}" \
      -DSTORYFUSE_TEST_PCH="${TEST_PCH:-OFF}" \
      -DSTORYFUSE_TEST_CODE_FLAGS="${TEST_CODE_FLAGS:-}" "$@" >/dev/null
cmake --build "$build" -j"$(nproc)"
