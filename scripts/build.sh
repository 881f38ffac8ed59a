#!/usr/bin/env bash
# Configures and builds storyfuse into build/ (override with BUILD_DIR).
# Extra arguments go to cmake's configure step. Environment: BUILD_TYPE
# (RelWithDebInfo), BUILD_BENCHMARKS (ON), TEST_PCH (OFF).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_DIR:-build}
# BUILD_TYPE, BUILD_BENCHMARKS and TEST_PCH are passed every time, so one
# build folder follows whichever script configured it last.
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" \
      -DSTORYFUSE_BUILD_BENCHMARKS="${BUILD_BENCHMARKS:-ON}" \
      -DSTORYFUSE_TEST_PCH="${TEST_PCH:-OFF}" "$@" >/dev/null
cmake --build "$build" -j"$(nproc)"
