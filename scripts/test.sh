#!/usr/bin/env bash
# Installs what is missing (scripts/setup.sh), then runs every test. Tests that need the
# project data in ../shared skip with a message where it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Release profile: the dependencies set-up compiled are reused instead of rebuilt for debug.
cargo test --release "$@"
