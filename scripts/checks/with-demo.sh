#!/usr/bin/env bash
# Runs scripts/checks/public-pages.sh against fresh demo workspaces, one per theme.
# Usage: scripts/checks/with-demo.sh [PAYPAGE_BINARY]   (default: .build/debug/paypage)
# Copies Records/ and Themes/ into temporary workspaces, replays the demo, builds with
# --theme default and --theme harbour, serves each on a free loopback port, checks, cleans up.
set -euo pipefail
cd "$(dirname "$0")/../.."
P="$(realpath "${1:-.build/debug/paypage}")"
[ -x "$P" ] || { echo "no $P: run swift build first" >&2; exit 69; }
tmp="$(mktemp -d "${TMPDIR:-/tmp}/paypage-checks.XXXXXX")"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
args=()
for theme in default harbour; do
  W="$tmp/$theme"; mkdir -p "$W"; cp -R Records Themes "$W/"
  "$P" demo --workspace "$W" >/dev/null
  "$P" build --workspace "$W" --theme "$theme" >/dev/null
  port="$(free_port)"
  "$P" serve --workspace "$W" --port "$port" --no-reload --theme "$theme" >"$tmp/serve-$theme.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do curl -fsS -o /dev/null "http://127.0.0.1:$port/gallery/" 2>/dev/null && break; sleep 0.1; done
  args+=("$W" "http://127.0.0.1:$port")
done
PAYPAGE_BIN="$P" scripts/checks/public-pages.sh "${args[@]}"
