#!/usr/bin/env bash
# CTest entry for the browser end-to-end test. Exit 77 = skipped (no
# chromium, no node, or `npm ci` not run in e2e/).
set -u
cd "$(dirname "$0")"
command -v node >/dev/null || { echo "SKIP: node is not installed"; exit 77; }
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "SKIP: chromium is not installed (STORYFUSE_WITH_BROWSER=1 scripts/setup.sh)"; exit 77; }
[ -d node_modules/playwright-core ] || { echo "SKIP: e2e/node_modules missing (cd e2e && npm ci)"; exit 77; }
exec node story_page.test.mjs
