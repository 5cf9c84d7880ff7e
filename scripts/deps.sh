#!/usr/bin/env bash
# Installs what Baton needs on Debian 12 and is missing: system packages
# (only those dpkg-query reports absent, so a warm run costs nothing),
# tauri-driver for the end-to-end test, and the UI's npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

PKGS=(build-essential pkg-config curl libwebkit2gtk-4.1-dev libssl-dev
      librsvg2-dev xvfb xauth webkit2gtk-driver fonts-noto-cjk python3 nodejs npm)
# The tests also open the manager's report in headless Chromium and print it
# to PDF pages (poppler's pdftoppm).
if [ "${BATON_NEED_DRIVER:-0}" = 1 ]; then PKGS+=(chromium chromium-driver poppler-utils); fi
missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    # node/npm may come from outside Debian (nvm, nodesource): accept a working binary.
    case "$p" in
      nodejs) command -v node >/dev/null && continue ;;
      npm) command -v npm >/dev/null && continue ;;
    esac
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null; then
  echo "deps: Rust is missing; install it from https://rustup.rs and rerun" >&2
  exit 1
fi

if [ "${BATON_NEED_DRIVER:-0}" = 1 ] && ! command -v tauri-driver >/dev/null; then
  cargo install tauri-driver --version '^2' --locked
fi

if [ -f ui/package.json ] && { [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; }; then
  (cd ui && npm ci --no-audit --no-fund)
fi
