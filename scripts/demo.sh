#!/usr/bin/env bash
# The main job on the demo workspace: install what is needed (with Chromium, for "Download PDF"),
# build PayPage, replay the demo ledger, build the site and serve it with the checkout simulator
# and the staff console (it prints a one-time sign-in link; Ctrl+C stops).
# Usage: scripts/demo.sh [--port N]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --product paypage
P=.build/debug/paypage
$P demo
$P build
exec $P serve "$@"
