#!/usr/bin/env bash
# Benchmarks: end-to-end `contra compare` on the example pair (wall time, peak memory),
# NLI inference throughput and training throughput. Prints one line per figure.
#   scripts/bench.sh [runs]        (NLI and training figures need ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
bash scripts/setup.sh >/dev/null 2>&1 || bash scripts/setup.sh
bin=target/release/contra
secs=0
measure() { # label, command...: prints wall seconds and peak RSS of one run; sets $secs
    local label=$1; shift
    local log; log=$(mktemp)
    /usr/bin/time -f '%e %M' -o "$log" "$@" >/dev/null 2>&1
    read -r secs kb <"$log"; rm -f "$log"
    printf '%-44s %8.2f s  %6d MiB peak\n' "$label" "$secs" "$((kb / 1024))"
}
for i in $(seq "$runs"); do
    measure "compare example pair (run $i)" "$bin" compare data/antalya-tass.txt data/antalya-kyiv.txt --quiet
done
shared=../shared/data/nli
if [ -d "$shared" ]; then
    n=$(($(wc -l <"$shared/dev/mnli_dev_matched_clean.tsv") - 1))
    measure "nli on MultiNLI dev matched ($n pairs)" "$bin" nli "$shared/dev/mnli_dev_matched_clean.tsv" --quiet
    python3 -c "print(f'{\"nli throughput, model load included\":<44} {$n / $secs:8.1f} pairs/s')"
    tmp=$(mktemp -d)
    "$bin" train-nli --train "$shared/train/mnli_train_pieces.tsv" --max-steps 60 --bf16 \
        --checkpoint-dir "$tmp/run" --out "$tmp/model" --checkpoint-every 1000 --quiet 2>&1 \
        | grep -o 'trained .*' | sed 's/^/train-nli bf16, MultiNLI pairs: /'
    "$bin" train-nli --train "$shared/train/mnli_train_pieces.tsv" --max-steps 60 \
        --checkpoint-dir "$tmp/run32" --out "$tmp/model32" --checkpoint-every 1000 --quiet 2>&1 \
        | grep -o 'trained .*' | sed 's/^/train-nli fp32, MultiNLI pairs: /'
    rm -rf "$tmp"
else
    echo "../shared not found: NLI and training throughput skipped"
fi
