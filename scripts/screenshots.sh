#!/usr/bin/env bash
# Screenshots of every page the gallery lists (payment pages in every state, fr/en/neutral, receipts,
# preview themes) and of each open request's checkout card form, with headless Chromium at
# 390x844 (phone) and 1280x800 (desktop), for a reviewer to see every state at a glance.
# Usage: scripts/screenshots.sh [OUTDIR] [URL]
#   OUTDIR  default ./screenshots/ (git-ignored)
#   URL     a running `paypage serve`; without it, a temporary copy of the demo workspace is built
#           and served twice, with --theme default and --theme harbour (files are prefixed by theme).
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-screenshots}")"
url="${2:-}"
mkdir -p "$out"
command -v chromium >/dev/null || { echo "chromium is missing (scripts/install-deps.sh --test)" >&2; exit 69; }
tmp="$(mktemp -d "${TMPDIR:-/tmp}/paypage-shots.XXXXXX")"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT

shoot_site() { # $1 base URL, $2 file prefix
  local base="${1%/}" prefix="$2"
  curl -fsS "$base/gallery/" | python3 -c '
import html, re, sys
page = sys.stdin.read()
for row in re.findall(r"<tr>(.*?)</tr>", page, re.S):
    cells = re.findall(r"<td>(.*?)</td>", row, re.S)
    if not cells:
        continue
    ref = re.sub(r"<[^>]+>", "", cells[0]).strip()
    status = (re.search(r"pill-([a-z_]+)", row) or [None, "x"])[1]
    seen = set()
    for href in re.findall(r"href=\"([^\"]+)\"", row):
        href = html.unescape(href)
        m = re.match(r"^(?:/gallery/themes/([^/]+))?/p/([^/]+)/(receipt/)?(fr/|en/)?$", href)
        if not m or href in seen:
            continue
        seen.add(href)
        name = "-".join(x for x in [m.group(1), ref, status, "receipt" if m.group(3) else "page", (m.group(4) or "neutral/").strip("/")] if x)
        print(name + " " + href)
        if status == "open" and not m.group(1) and not m.group(3) and m.group(4):
            print("-".join([ref, "checkout", m.group(4).strip("/")]) + " /checkout/" + m.group(2) + "/?method=card&lang=" + m.group(4).strip("/"))
' > "$tmp/list-$prefix"
  while read -r name path; do
    for size in 390,844 1280,800; do
      printf '%s\0%s\0' "$out/$prefix$name-${size%%,*}.png" "$base$path"
    done
  done < "$tmp/list-$prefix" | xargs -0 -n 2 -P 2 sh -c \
    'chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
       --window-size="$(basename "$0" .png | grep -o "[0-9]*$" | sed "s/^390$/390,844/;s/^1280$/1280,800/")" \
       --screenshot="$0" "$1" >/dev/null 2>&1 || echo "failed: $1" >&2'
}

if [ -n "$url" ]; then
  shoot_site "$url" ""
else
  P="$(realpath .build/debug/paypage)"
  [ -x "$P" ] || { echo "no .build/debug/paypage: run swift build first" >&2; exit 69; }
  for theme in default harbour; do
    W="$tmp/$theme"; mkdir -p "$W"; cp -R Records Themes "$W/"
    "$P" demo --workspace "$W" >/dev/null
    "$P" build --workspace "$W" --theme "$theme" >/dev/null
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
    "$P" serve --workspace "$W" --port "$port" --no-reload --theme "$theme" >"$tmp/serve-$theme.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 100); do curl -fsS -o /dev/null "http://127.0.0.1:$port/gallery/" 2>/dev/null && break; sleep 0.1; done
    shoot_site "http://127.0.0.1:$port" "$theme-"
  done
fi
echo "$(find "$out" -name '*.png' | wc -l) screenshots in $out"
