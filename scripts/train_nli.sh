#!/usr/bin/env bash
# Trains the shipped NLI cross-encoder (models/nli-minilm-l6) from all-MiniLM-L6-v2 on the
# labelled pairs in ../shared/data/nli/train, in two stages. Rerunning it resumes: each stage
# checkpoints under runs/ and a finished stage is skipped.
#   scripts/train_nli.sh [extra contra train-nli flags for stage 2]
#
# Stage 1 (broad): every usable training set, leaning on MultiNLI-genre text (news-like prose
#   is what contra reads): MultiNLI pieces and XNLI twice per epoch, LingNLI once, a fresh 30%
#   of the SNLI captions, and the small adversarial/diagnostic sets. Scheduled for 2 epochs
#   (8,264 steps) and stopped at step 6,000, the best MultiNLI-matched checkpoint of the
#   first run; its model goes to runs/nli-stage1/model.
# Stage 2 (genre focus): continues from stage 1 on the MultiNLI-genre sets with a small
#   replay of SNLI and SICK, fresh warm-up and a lower peak learning rate.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${NLI_DATA:-../shared/data/nli}
. scripts/train_common.sh
require_dirs "set NLI_DATA to the folder holding train/ and dev/" "$data/train"
bash scripts/setup.sh
t=$data/train
dev=(--dev "$data/dev/mnli_dev_matched_clean.tsv" "$data/dev/mnli_dev_mismatched_clean.tsv"
     "$data/dev/snli_dev_tokenized.tsv" "$data/dev/sick_trial.tsv")
frozen_trainer

resume_flag() { [ -f "$1/state.json" ] && echo --resume || true; }

stage1=runs/nli-stage1
if [ ! -f "$stage1/done" ]; then
    # shellcheck disable=SC2046
    "$bin" train-nli $(resume_flag "$stage1") \
        --train "$t/mnli_train_pieces.tsv@2" "$t/xnli_en_dev.tsv@2" "$t/xnli_en_test.tsv@2" \
                "$t/lingnli_train.tsv.gz" \
                "$t/anli_r1_dev.tsv" "$t/anli_r2_dev.tsv" "$t/anli_r3_dev.tsv" \
                "$t/snli_train_100k.tsv.gz@0.3" "$t/cad_snli_train.tsv@0.5" \
                "$t/sick_train.tsv" "$t/breaking_nli.tsv@0.25" \
                "$t/ambient_single_label.tsv" "$t/ambient_disambiguations.tsv" \
                "$t/cb_train.tsv" "$t/cb_dev.tsv" "$t/conjnli_dev.tsv" \
        "${dev[@]}" \
        --epochs 2 --max-steps 6000 --batch-size 32 --lr 6e-5 --warmup 0.06 \
        --weight-decay 0.01 --max-len 128 --seed 42 --bf16 --eval-every 2000 \
        --checkpoint-every 200 --threads 2 --out "$stage1/model" --checkpoint-dir "$stage1"
    touch "$stage1/done"
fi

stage2=runs/nli-stage2
# shellcheck disable=SC2046
"$bin" train-nli $(resume_flag "$stage2") --init "$stage1/model" \
    --train "$t/mnli_train_pieces.tsv@2" "$t/xnli_en_dev.tsv@2" "$t/xnli_en_test.tsv@2" \
            "$t/lingnli_train.tsv.gz" \
            "$t/anli_r1_dev.tsv" "$t/anli_r2_dev.tsv" "$t/anli_r3_dev.tsv" \
            "$t/snli_train_100k.tsv.gz@0.2" "$t/sick_train.tsv@0.5" \
    "${dev[@]}" \
    --epochs 1 --batch-size 32 --lr 3e-5 --warmup 0.06 --weight-decay 0.01 --max-len 128 \
    --seed 43 --bf16 --eval-every 1000 --checkpoint-every 200 --threads 2 \
    --out models/nli-minilm-l6 --checkpoint-dir "$stage2" "$@"
