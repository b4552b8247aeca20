#!/usr/bin/env bash
# contra's benchmark: speed against the Python peer (transformers, same weights, same threads,
# same inputs), start-up, and `contra compare` end to end. Prints a table as it goes, then
# `key=value` lines. Each figure is the median of $RUNS runs (default 3).
#
#   scripts/bench.sh                 everything (about 40 minutes on 2 cores)
#   RUNS=1 NLI_PAIRS=200 scripts/bench.sh    a quick look
#   SCALES="50 200" scripts/bench.sh        fewer compare scales (default "50 200 1000")
#   PARTS="scale" SCALES=1000 RUNS=1 scripts/bench.sh   some parts only (default
#                                            "startup demo nli embed scale")
#   CANDIDATE_SCALES="10000 50000 100000" PARTS=none scripts/bench.sh
#                                            candidate selection at these claim counts
#                                            (optional: skipped unless set; one run each)
#
# NLI and embeddings read ../shared/data/nli/dev/mnli_dev_matched_clean.tsv and the compare
# scales PolNeAR articles from ../shared; without ../shared those parts are skipped.
# contra's pairs/s leaves its model load out the way the peer's does: the wall time of a
# one-pair run is subtracted from the wall time of the N-pair run.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
NLI_PAIRS=${NLI_PAIRS:-2000}
SCALES=${SCALES:-50 200 1000}
THREADS=${THREADS:-$(nproc)}
COMPARE_TIMEOUT=${COMPARE_TIMEOUT:-1800}
PARTS=${PARTS:-startup demo nli embed scale}
CANDIDATE_SCALES=${CANDIDATE_SCALES:-}
bash scripts/setup.sh >/dev/null 2>&1 || bash scripts/setup.sh
.venv/bin/pip install --quiet --disable-pip-version-check "transformers>=4.40,<4.50" 2>/dev/null
bin=$PWD/target/release/contra
py=.venv/bin/python
shared=../shared/data
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
results=$tmp/results
: >"$results"

record() { # key value: one key=value result line
    echo "$1=$2" >>"$results"
}
median() { # numbers on stdin -> their median
    sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
timed() { # command...: prints "seconds peak_kb" of one run; the command's output is dropped
    /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >/dev/null 2>"$tmp/stderr" || {
        cat "$tmp/stderr" >&2
        return 1
    }
    cat "$tmp/time"
}
median_wall() { # command...: median wall seconds over RUNS runs
    for _ in $(seq "$RUNS"); do timed "$@" | cut -d' ' -f1; done | median
}
ratio() { python3 -c "import sys; a, b = map(float, sys.argv[1:]); print(f'{a / b:.2f}' if b else 'inf')" "$@"; }

# The peer's median rate in fp32 and in bf16, each recorded as ${5}_peer_<precision>$6;
# prints the better one.
#   $1 task (nli|embed), $2 model, $3 inputs, $4 items, $5 key, $6 key suffix,
#   $7 output file pattern (%s: the precision)
peer_best() {
    local task=$1 model=$2 inputs=$3 n=$4 key=$5 suffix=$6 pattern=$7 best=0 precision rate out
    for precision in fp32 bf16; do
        # shellcheck disable=SC2059
        printf -v out "$pattern" "$precision"
        rate=$(for _ in $(seq "$RUNS"); do
            "$py" scripts/bench_peer.py "$task" "$model" "$inputs" "$precision" "$THREADS" "$out" |
                sed -n 's/^seconds=\([0-9.]*\) .*/\1/p'
        done | median)
        rate=$(python3 -c "print(f'{$n / $rate:.1f}')")
        record "${key}_peer_$precision$suffix" "$rate"
        best=$(python3 -c "print(max($best, $rate))")
    done
    echo "$best"
}

bench_startup() {
    local runs=$((RUNS * 5))
    local s
    s=$(for _ in $(seq "$runs"); do timed "$bin" --version | cut -d' ' -f1; done | median)
    record startup_s "$s"
    s=$(for _ in $(seq "$runs"); do timed "$bin" claims data/antalya-tass.txt | cut -d' ' -f1; done | median)
    record claims_short_s "$s"
    printf '%-52s %10s s\n' "start-up (contra --version)" "$(grep '^startup_s=' "$results" | cut -d= -f2)"
    printf '%-52s %10s s\n' "contra claims on a short article" "$s"
}

# $1 model dir, $2 key; pairs in $tmp/pairs.tsv (N) and $tmp/one.tsv (1)
bench_nli_model() {
    local model=$1 key=$2 n=$NLI_PAIRS
    local one many contra_rate
    "$bin" nli "$tmp/pairs.tsv" --model "$model" --threads "$THREADS" --quiet -o "$tmp/contra.jsonl"
    one=$(median_wall "$bin" nli "$tmp/one.tsv" --model "$model" --threads "$THREADS" --quiet)
    many=$(median_wall "$bin" nli "$tmp/pairs.tsv" --model "$model" --threads "$THREADS" --quiet)
    contra_rate=$(python3 -c "print(f'{$n / ($many - $one):.1f}')")
    record "nli_pairs_per_s_contra_$key" "$contra_rate"
    record "nli_wall_s_contra_$key" "$many"
    local best
    best=$(peer_best nli "$model" "$tmp/pairs.tsv" "$n" nli_pairs_per_s "_$key" "$tmp/peer_%s.tsv")
    record "nli_speedup_vs_best_peer_$key" "$(ratio "$contra_rate" "$best")"
    "$py" - "$tmp/pairs.tsv" "$tmp/contra.jsonl" "$tmp/peer_fp32.tsv" "$tmp/peer_bf16.tsv" "$key" \
        >>"$results" <<'PY'
import csv, json, sys
gold_path, contra_path, fp32_path, bf16_path, key = sys.argv[1:]
read = lambda p: list(csv.DictReader(open(p, encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
gold = {r["id"]: r["label"] for r in read(gold_path)}
contra = {r["id"]: r for r in map(json.loads, open(contra_path, encoding="utf-8"))}
names = ("entailment", "neutral", "contradiction")
def accuracy(rows):
    return sum(rows[i]["label"] == gold[i] for i in gold) / len(gold)
print(f"nli_accuracy_contra_{key}={accuracy(contra):.4f}")
for precision, path in (("fp32", fp32_path), ("bf16", bf16_path)):
    peer = {r["id"]: r for r in read(path)}
    print(f"nli_accuracy_peer_{precision}_{key}={accuracy(peer):.4f}")
    diff = max(abs(float(contra[i][n]) - float(peer[i][n])) for i in gold for n in names)
    print(f"nli_max_prob_diff_vs_peer_{precision}_{key}={diff:.4f}")
PY
    printf '%-52s %10s pairs/s (peer fp32 %s, bf16 %s; accuracy %s vs %s / %s)\n' \
        "nli $key, $n MultiNLI dev pairs" "$contra_rate" \
        "$(value "nli_pairs_per_s_peer_fp32_$key")" "$(value "nli_pairs_per_s_peer_bf16_$key")" \
        "$(value "nli_accuracy_contra_$key")" "$(value "nli_accuracy_peer_fp32_$key")" \
        "$(value "nli_accuracy_peer_bf16_$key")"
}
value() { grep "^$1=" "$results" | tail -1 | cut -d= -f2; }

bench_embed() {
    local model=models/all-MiniLM-L6-v2 n one many contra_rate best
    cut -f2 "$tmp/pairs.tsv" | tail -n +2 | awk '!seen[$0]++' >"$tmp/sentences.txt"
    n=$(wc -l <"$tmp/sentences.txt")
    head -1 "$tmp/sentences.txt" >"$tmp/one.txt"
    one=$(median_wall "$bin" embed "$tmp/one.txt" --threads "$THREADS" --quiet)
    many=$(median_wall "$bin" embed "$tmp/sentences.txt" --threads "$THREADS" --quiet)
    contra_rate=$(python3 -c "print(f'{$n / ($many - $one):.1f}')")
    record embed_sentences_per_s_contra "$contra_rate"
    best=$(peer_best embed "$model" "$tmp/sentences.txt" "$n" embed_sentences_per_s "" \
        "$tmp/peer_embed_%s.jsonl")
    record embed_speedup_vs_best_peer "$(ratio "$contra_rate" "$best")"
    printf '%-52s %10s sentences/s (peer fp32 %s, bf16 %s)\n' "embed, $n sentences" "$contra_rate" \
        "$(value embed_sentences_per_s_peer_fp32)" "$(value embed_sentences_per_s_peer_bf16)"
}

# $1 key, then the articles: median wall, peak RSS of the slowest run, pairs scored
bench_compare() {
    local key=$1; shift
    local walls=() peak=0 run out seconds kb
    for run in $(seq "$RUNS"); do
        out=$(timeout "$COMPARE_TIMEOUT" /usr/bin/time -f '%e %M' -o "$tmp/time" \
            "$bin" compare "$@" --threads "$THREADS" --quiet -o "$tmp/report.json" 2>&1) || {
            echo "compare $key failed or ran past ${COMPARE_TIMEOUT}s: $out" >&2
            record "${key}_s" timeout
            return
        }
        read -r seconds kb <"$tmp/time"
        walls+=("$seconds")
        [ "$kb" -gt "$peak" ] && peak=$kb
    done
    record "${key}_s" "$(printf '%s\n' "${walls[@]}" | median)"
    record "${key}_peak_rss_mib" "$((peak / 1024))"
    record "${key}_pairs_scored" "$(python3 -c "import json, sys; r = json.load(open(sys.argv[1])); print(len(r['pairs']))" "$tmp/report.json")"
    printf '%-52s %10s s, %s MiB peak, %s pairs scored\n' "compare $key" "$(value "${key}_s")" \
        "$(value "${key}_peak_rss_mib")" "$(value "${key}_pairs_scored")"
}

# Candidate selection at each of $CANDIDATE_SCALES claims: `contra plan` over articles of
# distinct real sentences (scripts/candidate_inputs.py); the time of its candidates step and
# the peak RSS of the whole plan (models and embeddings included).
bench_candidates() {
    local n dir seconds wall kb claims pairs
    # shellcheck disable=SC2086
    python3 scripts/candidate_inputs.py "$tmp/candidates" $CANDIDATE_SCALES >"$tmp/candidates.txt"
    while read -r n dir; do
        if ! /usr/bin/time -v -o "$tmp/time" "$bin" plan "$dir"/*.txt --threads "$THREADS" \
            -o "$tmp/plan.json" 2>"$tmp/stderr"; then
            cat "$tmp/stderr" >&2
            record "candidates_${n}_s" failed
            continue
        fi
        seconds=$(sed -n 's/.* candidates \([0-9.]*\) s.*/\1/p' "$tmp/stderr")
        wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/time")
        kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/time")
        read -r claims pairs < <(sed -n 's/^contra: \([0-9]*\) claims, \([0-9]*\) pairs.*/\1 \2/p' "$tmp/stderr")
        record "candidates_${n}_s" "$seconds"
        record "candidates_${n}_rss_mib" "$((kb / 1024))"
        record "candidates_${n}_plan_wall" "$wall"
        record "candidates_${n}_claims" "$claims"
        record "candidates_${n}_pairs" "$pairs"
        printf '%-52s %10s s, plan %s wall, %s MiB peak, %s claims, %s pairs\n' \
            "candidates $n claims" "$seconds" "$wall" "$((kb / 1024))" "$claims" "$pairs"
        rm -f "$tmp/plan.json"
    done <"$tmp/candidates.txt"
}

part() { [[ " $PARTS " == *" $1 "* ]]; }
echo "contra $(git rev-parse --short HEAD), $THREADS threads, median of $RUNS runs, $(date -u +%FT%TZ)"
if part startup; then bench_startup; fi
if part demo; then bench_compare compare_demo data/antalya-tass.txt data/antalya-kyiv.txt; fi
if [ -f "$shared/nli/dev/mnli_dev_matched_clean.tsv" ]; then
    head -n "$((NLI_PAIRS + 1))" "$shared/nli/dev/mnli_dev_matched_clean.tsv" >"$tmp/pairs.tsv"
    head -n 2 "$tmp/pairs.tsv" >"$tmp/one.tsv"
    if part nli; then
        for model in models/nli-*/; do
            model=${model%/}
            bench_nli_model "$model" "$(basename "$model" | tr - _)"
        done
    fi
    if part embed; then bench_embed; fi
elif part nli || part embed; then
    echo "../shared not found: NLI and embedding comparisons with the peer skipped"
fi
if part scale && [ -d "$shared/polnear/train/text" ]; then
    # shellcheck disable=SC2086
    python3 scripts/bench_inputs.py "$bin" "$shared/polnear/train/text" "$tmp/scale" $SCALES \
        >"$tmp/scale.txt"
    while read -r n claims_a claims_b; do
        record "compare_${n}_claims" "$claims_a+$claims_b"
        bench_compare "compare_$n" "$tmp/scale/side-a-$n.txt" "$tmp/scale/side-b-$n.txt"
    done <"$tmp/scale.txt"
elif part scale; then
    echo "../shared not found: compare at scale skipped"
fi
if [ -n "$CANDIDATE_SCALES" ] && [ -d "$shared/nli/train" ]; then
    bench_candidates
elif [ -n "$CANDIDATE_SCALES" ]; then
    echo "../shared not found: candidate selection skipped"
fi
echo
cat "$results"
