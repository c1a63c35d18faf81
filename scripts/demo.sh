#!/usr/bin/env bash
# The main job on the demo workspace: install what is needed, build, replay the demo ledger,
# build the site and serve it. Usage: scripts/demo.sh [--no-serve]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --product paypage
P=.build/debug/paypage
$P demo
$P request list
