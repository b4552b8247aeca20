#!/usr/bin/env bash
# Scores an NLI model directory on the dev sets in ../shared the way its model card reports
# them: accuracy and macro-F1 on MultiNLI matched, SNLI and SICK (`contra nli --eval`, with
# the wall time and peak memory of each run), and contradiction-vs-rest AUC on the RTE news
# pairs, forward and averaged over both directions (scripts/measure_directions.py).
#   scripts/eval_nli.sh [MODEL_DIR] [extra contra nli flags, e.g. --precision bf16]
set -euo pipefail
cd "$(dirname "$0")/.."
model=${1:-models/nli-mpnet-base-r3}
shift || true
dev=${NLI_DATA:-../shared/data/nli}/dev
news=${NEWS_DATA:-../shared/data/news}
if [ ! -d "$dev" ]; then
    echo "eval_nli.sh: $dev not found (set NLI_DATA to the folder holding dev/)" >&2
    exit 2
fi
for set in mnli_dev_matched_clean snli_dev_tokenized sick_trial; do
    echo "== $set ($model $*)"
    /usr/bin/time -f "wall %e s, peak RSS %M KiB" \
        target/release/contra nli "$dev/$set.tsv" --eval --quiet --model "$model" "$@" 2>&1 |
        grep -E "^(accuracy|pairs|wall)|macro"
done
echo "== rte_contradiction ($model $*)"
python3 scripts/measure_directions.py "$news/rte_contradiction.tsv" --model "$model" "$@"
