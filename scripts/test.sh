#!/usr/bin/env bash
# Runs every Baton test: core unit + integration tests, UI unit tests, and the
# end-to-end test of the real app under Xvfb. Installs what is missing first.
# `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TERM_COLOR=never
BATON_NEED_DRIVER=1 ./scripts/deps.sh

echo "== ui: types, unit tests, build"
(cd ui && npm run --silent check && npm run --silent test && npm run --silent build)

echo "== rust: format, lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --quiet -- -D warnings

echo "== rust: core and shell tests"
cargo test --workspace --quiet

echo "== e2e: the manager's report in headless Chromium, offline"
python3 e2e/test_report.py target/debug/baton

echo "== e2e: the real app under Xvfb"
cargo build -p baton-app --quiet
xvfb-run -a -s "-screen 0 1600x1000x24" python3 e2e/test_app.py target/debug/baton-app

echo "== package: the .deb from the Tauri bundler, installed with dpkg, started from its desktop entry"
# --debug reuses the debug build above (only the app crate is relinked).
./ui/node_modules/.bin/tauri build --debug --bundles deb --ci
xvfb-run -a -s "-screen 0 1600x1000x24" python3 e2e/test_package.py "$(ls target/debug/bundle/deb/Baton_*_amd64.deb)" target/debug/baton
