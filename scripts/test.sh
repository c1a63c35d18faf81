#!/usr/bin/env bash
# The whole test suite: installs what the tests need, builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
swift build --product paypage
swift test "$@"
