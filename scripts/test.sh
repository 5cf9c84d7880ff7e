#!/usr/bin/env bash
# Runs every Baton test: core unit + integration tests, UI unit tests, and the
# end-to-end test of the real app under Xvfb. Installs what is missing first.
# `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TERM_COLOR=never
./scripts/deps.sh

echo "== core: format, lints, tests"
cargo fmt --all --check
cargo clippy --all-targets --quiet -- -D warnings
cargo test --quiet
