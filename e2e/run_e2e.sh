#!/usr/bin/env bash
# CTest entry for the browser end-to-end test. Exit 77 = skipped (no
# chromium, no node, or `npm ci` not run in e2e/), unless
# STORYFUSE_REQUIRE_BROWSER=1 (scripts/test.sh sets it): then a missing
# piece is a failure. Screenshots go to $SCREENSHOT_DIR; their paths are
# printed so they stay with the test output.
set -u
cd "$(dirname "$0")"
missing() {
  if [ "${STORYFUSE_REQUIRE_BROWSER:-0}" = 1 ]; then echo "FAIL: $1 (run scripts/setup.sh)"; exit 1; fi
  echo "SKIP: $1"; exit 77
}
command -v node >/dev/null || missing "node is not installed"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || missing "chromium is not installed (scripts/setup.sh)"
[ -d node_modules/playwright-core ] || missing "e2e/node_modules missing (cd e2e && npm ci)"
node story_page.test.mjs
status=$?
# Live updates of a followed feed (issue #24); needs no seeds.
node feeds_page.test.mjs
feeds_status=$?
if [ $status -eq 77 ] || [ $status -eq 0 ]; then
  [ $feeds_status -ne 77 ] && status=$feeds_status
fi
shots=${SCREENSHOT_DIR:-build/e2e-screenshots}
[ -d "$shots" ] && ls -l "$shots"/*.png 2>/dev/null
exit $status
