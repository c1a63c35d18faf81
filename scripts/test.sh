#!/usr/bin/env bash
# The whole test suite: installs what the tests need, builds, runs every test; then prints how
# long each phase took (also when one fails).
set -euo pipefail
cd "$(dirname "$0")/.."
timings=()
phase() {
  local name=$1 start=$SECONDS status=0
  shift
  "$@" || status=$?
  timings+=("$(printf '%-8s %5d s%s' "$name" $((SECONDS - start)) "$([ $status -eq 0 ] || echo "  (failed: exit $status)")")")
  return $status
}
report() {
  echo "--- time per phase"
  printf '%s\n' "${timings[@]}"
}
trap report EXIT
phase install scripts/install-deps.sh --test
phase build swift build --build-tests
phase tests swift test --skip-build "$@"
