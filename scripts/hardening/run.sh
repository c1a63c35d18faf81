#!/usr/bin/env bash
# Runs the hardening tests. Usage:
#   scripts/hardening/run.sh            CI size (about 2-3 minutes after the build)
#   scripts/hardening/run.sh --long     long runs: 220 SIGKILLs, 200,000 property cases, more races
#   PAYPAGE_HARDENING_SEED=N ...        replay a run with the seed it printed
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ "${1:-}" == "--long" ]]; then
  export PAYPAGE_HARDENING_LONG=1
  shift
fi
# The crash, race, link and card tests run the real binary: build it with the tests.
swift build --build-tests
swift test --skip-build --filter HardeningTests "$@"
