#!/usr/bin/env bash
# Installs, builds and runs every test, the browser test included. This is
# the README's test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
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
