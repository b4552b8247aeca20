#!/usr/bin/env bash
# Installs what is missing, builds, compares the example article pair in data/, writes
# report.md and prints it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
target/release/contra compare data/antalya-tass.txt data/antalya-kyiv.txt -o report.md
cat report.md
echo "demo: wrote report.md (for JSON: add --format json -o report.json)" >&2
