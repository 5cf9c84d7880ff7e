#!/usr/bin/env bash
# Installs whatever is missing, builds Baton, and starts the desktop app on
# the default book (~/.local/share/baton/baton.db). Extra arguments go to the
# app, e.g. `./scripts/run.sh --db ~/books/other.db`.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/deps.sh
(cd ui && npm run build --silent)
cargo build --release -p baton-app
exec ./target/release/baton-app "$@"
