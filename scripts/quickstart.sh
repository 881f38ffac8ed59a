#!/usr/bin/env bash
# Installs, builds and runs the main job on the bundled examples. The main
# job needs no browser: Chromium and Node.js are for the browser test only,
# which scripts/test.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."
STORYFUSE_WITHOUT_BROWSER=${STORYFUSE_WITHOUT_BROWSER:-1} bash scripts/setup.sh
bash scripts/build.sh
./build/tools/storyfuse brief examples
