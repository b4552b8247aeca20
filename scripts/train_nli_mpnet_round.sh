#!/usr/bin/env bash
# Trains a later round of the MPNet NLI cross-encoder with contra's own trainer (tch), continued
# from the round before it. Rerunning it resumes from the checkpoint in runs/nli-mpnet-ROUND
# (written every 200 steps).
#   scripts/train_nli_mpnet_round.sh r2|r3 [extra contra train-nli flags]
#
# Each round draws a fresh mixture with scripts/nli_mixture.py (its own seed), with the
# generated negated-core pairs ("Russia attacked Ukraine without any provocation on February
# 24" against "Russia did not attack Ukraine", both ways, and against its core "Russia attacked
# Ukraine") in a file apart so they can be weighted. One epoch, batch 16, bf16, 2 threads.
#   r2: seed 14; 35% of the rest, the cores ×3; lr 1e-5; from models/nli-mpnet-base.
#   r3: seed 15 with 60% of LingNLI (MultiNLI-genre premises, mostly unseen by r1 and r2);
#       45% of the rest, the cores ×2; lr 2e-5; from models/nli-mpnet-base-r2. The trained
#       weights (runs/nli-mpnet-r3/trained) are then averaged half and half with r2's
#       (scripts/average_nli_models.py): the average keeps r2's reading of the demo's attack
#       denial and the trained round's gains on the dev sets (see the r3 model card).
set -euo pipefail
cd "$(dirname "$0")/.."
round=${1:-}
case "$round" in
    r2) init=models/nli-mpnet-base; seed=14; mixture=(); rest=0.35; cores=3; lr=1e-5
        average= ;;
    r3) init=models/nli-mpnet-base-r2; seed=15; mixture=(--share lingnli_train=0.6)
        rest=0.45; cores=2; lr=2e-5; average=0.5 ;;
    *) echo "usage: $(basename "$0") r2|r3 [contra train-nli flags]" >&2; exit 2 ;;
esac
shift
data=${NLI_DATA:-../shared/data/nli}
news=${NEWS_DATA:-../shared/data/news}
. scripts/train_common.sh
require_dirs "set NLI_DATA / NEWS_DATA" "$data/train" "$news"
bash scripts/setup.sh
run=runs/nli-mpnet-$round
mkdir -p "$run"
trained=models/nli-mpnet-base-$round
[ -n "$average" ] && trained=$run/trained
if [ ! -f "$run/cores.tsv" ]; then
    python3 scripts/nli_mixture.py "$run/rest.tsv" --data "$data/train" --news "$news" \
        --seed "$seed" "${mixture[@]}" --negated-cores --contra --apart gen_core "$run/cores.tsv"
fi
frozen_trainer
resume=()
[ -f "$run/state.json" ] && resume=(--resume)
"$bin" train-nli "${resume[@]}" --init "$init" --base-model "$init" \
    --train "$run/rest.tsv@$rest" "$run/cores.tsv@$cores" \
    --epochs 1 --batch-size 16 --lr "$lr" --warmup 0.06 --weight-decay 0.01 --max-len 128 \
    --seed "$seed" --bf16 --threads 2 --checkpoint-every 200 \
    --out "$trained" --checkpoint-dir "$run" "$@"
if [ -n "$average" ]; then
    .venv/bin/python scripts/average_nli_models.py "$init" "$trained" --weight "$average" \
        --out "models/nli-mpnet-base-$round"
fi
