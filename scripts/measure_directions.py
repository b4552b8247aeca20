#!/usr/bin/env python3
"""Measures how to combine the two NLI directions of a claim pair into one contradiction
score: scores a labelled pair file with `contra nli` forwards and with premise and
hypothesis swapped, then prints the ROC AUC of contradiction-vs-rest for the forward
direction alone, the mean of both directions, the max and the min.

    python3 scripts/measure_directions.py ../shared/data/nli/dev/mnli_dev_matched_clean.tsv [contra nli flags]

A gold file has either a `label` column (contradiction = positive) or, like
../shared/data/news/rte_contradiction.tsv, a `contradiction` column of yes/no.
"""
import csv
import json
import os
import subprocess
import sys
import tempfile

BIN = os.path.join(os.path.dirname(__file__), "..", "target", "release", "contra")


def score(path):
    out = subprocess.run([BIN, "nli", path, "--quiet", *sys.argv[2:]], check=True, capture_output=True, text=True)
    return {r["id"]: r["contradiction"] for r in map(json.loads, out.stdout.splitlines())}


def auc(scores, positives):
    ranked = sorted(zip(scores, positives))
    pos = sum(positives)
    neg = len(positives) - pos
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mid = (i + j + 1) / 2
        rank_sum += mid * sum(p for _, p in ranked[i:j])
        i = j
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg)


def is_contradiction(row):
    return ((row.get("label") or "").strip().lower() == "contradiction"
            or (row.get("contradiction") or "").strip().lower() == "yes")


def main():
    gold_path = sys.argv[1]
    with open(gold_path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False, encoding="utf-8") as f:
        f.write("id\tpremise\thypothesis\n")
        for r in rows:
            f.write(f"{r['id']}\t{r['hypothesis']}\t{r['premise']}\n")
        swapped_path = f.name
    forward, backward = score(gold_path), score(swapped_path)
    os.unlink(swapped_path)
    ids = [r["id"] for r in rows if r["id"] in forward and r["id"] in backward]
    positives = [1 if is_contradiction(r) else 0 for r in rows if r["id"] in forward and r["id"] in backward]
    rules = {
        "forward only": [forward[i] for i in ids],
        "mean of both": [(forward[i] + backward[i]) / 2 for i in ids],
        "max of both": [max(forward[i], backward[i]) for i in ids],
        "min of both": [min(forward[i], backward[i]) for i in ids],
    }
    print(f"{gold_path}: {len(ids)} pairs, {sum(positives)} contradictions")
    for name, values in rules.items():
        print(f"  contradiction AUC, {name:<13} {auc(values, positives):.4f}")


if __name__ == "__main__":
    main()
