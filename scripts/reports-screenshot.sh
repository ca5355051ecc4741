#!/usr/bin/env bash
# Makes docs/reports-page.png, the screenshot of `mtasts reports --html` shown in README.md: runs
# the test that renders the page in headless Chromium and keeps its screenshot.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/test-prereqs.sh chromium
./mvnw -q -B -Dmtasts.prereqs.skip=true -pl reports -am -Dtest='HtmlPageTest#chromiumTakesTheScreenshot' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dmtasts.screenshot="$PWD/docs/reports-page.png" test
echo "docs/reports-page.png"
