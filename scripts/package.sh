#!/usr/bin/env bash
# Builds the installable packages (.deb and .rpm) of the release app with the
# Tauri bundler from the npm package @tauri-apps/cli (nothing is downloaded:
# AppImage would need to, so it is left out). See docs/packaging.md.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/deps.sh
(cd ui && npm run build --silent)
./ui/node_modules/.bin/tauri build --bundles deb,rpm --ci "$@"
ls -1 target/release/bundle/deb/*.deb target/release/bundle/rpm/*.rpm
