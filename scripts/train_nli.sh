#!/usr/bin/env bash
# Trains the shipped NLI cross-encoder (models/nli-minilm-l6) from all-MiniLM-L6-v2 on the
# labelled pairs in ../shared/data/nli/train. Rerunning it resumes from runs/nli.
#   scripts/train_nli.sh [extra contra train-nli flags]
# The mixture leans on MultiNLI-genre text (news-like prose is what contra reads): MultiNLI
# pieces and XNLI twice per epoch, LingNLI once, and a fresh 30% of the SNLI captions.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${NLI_DATA:-../shared/data/nli}
if [ ! -d "$data/train" ]; then
    echo "train_nli.sh: $data/train not found (set NLI_DATA to the folder holding train/ and dev/)" >&2
    exit 2
fi
bash scripts/setup.sh
t=$data/train
resume=()
[ -f runs/nli/state.json ] && resume=(--resume)
# Copy the binary so that rebuilding during a long run cannot touch the running one.
bin=$(mktemp /tmp/contra-train.XXXXXX)
cp target/release/contra "$bin"
chmod +x "$bin"
# Idle OpenMP threads sleep instead of spinning: on a shared 2-core machine, spinning
# threads starve each other and throughput collapses whenever anything else runs.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
exec "$bin" train-nli "${resume[@]}" \
    --train "$t/mnli_train_pieces.tsv@2" "$t/xnli_en_dev.tsv@2" "$t/xnli_en_test.tsv@2" \
            "$t/lingnli_train.tsv.gz" \
            "$t/anli_r1_dev.tsv" "$t/anli_r2_dev.tsv" "$t/anli_r3_dev.tsv" \
            "$t/snli_train_100k.tsv.gz@0.3" "$t/cad_snli_train.tsv@0.5" \
            "$t/sick_train.tsv" "$t/breaking_nli.tsv@0.25" \
            "$t/ambient_single_label.tsv" "$t/ambient_disambiguations.tsv" \
            "$t/cb_train.tsv" "$t/cb_dev.tsv" "$t/conjnli_dev.tsv" \
    --dev "$data/dev/mnli_dev_matched_clean.tsv" "$data/dev/mnli_dev_mismatched_clean.tsv" \
          "$data/dev/snli_dev_tokenized.tsv" "$data/dev/sick_trial.tsv" \
    --epochs 2 --batch-size 32 --lr 6e-5 --warmup 0.06 --weight-decay 0.01 --max-len 128 \
    --seed 42 --bf16 --eval-every 2000 --checkpoint-every 200 --threads 2 \
    --out models/nli-minilm-l6 --checkpoint-dir runs/nli "$@"
