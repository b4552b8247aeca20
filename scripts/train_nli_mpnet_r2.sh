#!/usr/bin/env bash
# Trains models/nli-mpnet-base-r2: a second round of the MPNet NLI cross-encoder, continued
# from models/nli-mpnet-base with contra's own trainer (tch). Rerunning it resumes from the
# checkpoint in runs/nli-mpnet-r2 (written every 200 steps).
#   scripts/train_nli_mpnet_r2.sh [extra contra train-nli flags]
#
# Data: scripts/nli_mixture.py with seed 14 (a fresh draw of the round-1 mixture), with the
# generated negated-core pairs ("Russia attacked Ukraine without any provocation on February
# 24" against "Russia did not attack Ukraine", both ways, and against its core "Russia attacked
# Ukraine") in a file apart, used three times an epoch; a fresh 35% of the rest each epoch.
# One epoch (1,397 steps of 16 pairs), peak learning rate 1e-5, bf16, 2 threads.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${NLI_DATA:-../shared/data/nli}
news=${NEWS_DATA:-../shared/data/news}
. scripts/train_common.sh
require_dirs "set NLI_DATA / NEWS_DATA" "$data/train" "$news"
bash scripts/setup.sh
run=runs/nli-mpnet-r2
mkdir -p "$run"
if [ ! -f "$run/cores.tsv" ]; then
    python3 scripts/nli_mixture.py "$run/rest.tsv" --data "$data/train" --news "$news" \
        --seed 14 --negated-cores --contra --apart gen_core "$run/cores.tsv"
fi
frozen_trainer
resume=()
[ -f "$run/state.json" ] && resume=(--resume)
"$bin" train-nli "${resume[@]}" --init models/nli-mpnet-base --base-model models/nli-mpnet-base \
    --train "$run/rest.tsv@0.35" "$run/cores.tsv@3" \
    --epochs 1 --batch-size 16 --lr 1e-5 --warmup 0.06 --weight-decay 0.01 --max-len 128 \
    --seed 14 --bf16 --threads 2 --checkpoint-every 200 \
    --out models/nli-mpnet-base-r2 --checkpoint-dir "$run" "$@"
