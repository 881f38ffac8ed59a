#!/usr/bin/env bash
# Builds the unit tests of the stages that parse untrusted input (text,
# ingest, analyze) with AddressSanitizer and UndefinedBehaviorSanitizer and
# runs them. CI runs it after the main test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${SANITIZE_BUILD_DIR:-build-asan}
# Debug with -g1 rather than -g: line tables for the sanitizers' reports
# without the variable descriptions, which cost a third of each file's
# compile time.
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DSTORYFUSE_SANITIZE=address,undefined \
      -DCMAKE_C_FLAGS_DEBUG=-g1 -DCMAKE_CXX_FLAGS_DEBUG=-g1 \
      -DSTORYFUSE_BUILD_BENCHMARKS=OFF -DSTORYFUSE_TEST_PCH=ON >/dev/null
targets=(storyfuse_text_test storyfuse_ingest_test storyfuse_analyze_test)
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
for t in "${targets[@]}"; do
  dir=${t#storyfuse_}; dir=${dir%_test}
  "$build/$dir/$t" --gtest_brief=1
done
