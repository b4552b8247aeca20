#!/usr/bin/env bash
# Regenerates the parity fixtures in tests/fixtures/ with a PyTorch reference run from .venv.
# transformers is pinned below 4.50: later releases refuse torch 2.4. numpy is not pinned:
# torch 2.4 runs with numpy 2, and the notebook example's pandas needs it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/pip install --quiet --disable-pip-version-check "transformers>=4.40,<4.50"
.venv/bin/python scripts/make_embed_fixture.py
for model in models/nli-*/; do
    .venv/bin/python scripts/make_nli_fixture.py "${model%/}"
done
