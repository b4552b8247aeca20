#!/usr/bin/env python3
"""Measures how a similarity floor separates real contradictions from unrelated pairs.

Usage:
  scripts/measure_similarity_floor.py GOLD.tsv [N] [SEED]

GOLD.tsv is a labelled NLI file (`id, premise, hypothesis, label`), e.g.
../shared/data/nli/dev/mnli_dev_matched_clean.tsv. The script takes N labelled pairs
(default 1500) and N unrelated pairs (a premise and a hypothesis drawn from different rows),
scores both directions with `contra nli` and the claims' cosine with `contra embed`, combines
the directions as `contra compare` does (mean), and prints, for each floor, how many of the
real contradictions the model catches survive and how many unrelated pairs it still calls a
contradiction. `contra compare --min-similarity` takes its default from this table.
"""
import csv
import json
import os
import random
import subprocess
import sys
import tempfile

FLOORS = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3)


def read_rows(path):
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r for r in rows if r.get("label") in ("entailment", "neutral", "contradiction")]


def clean(text):
    return " ".join(text.split())


def run(binary, args):
    return subprocess.run([binary, *args, "--quiet"], check=True, capture_output=True, text=True).stdout


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    gold, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1500
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    binary = os.path.join(root, "target", "release", "contra")
    rows = read_rows(gold)
    rng.shuffle(rows)
    if len(rows) < 3 * n:
        sys.exit(f"{gold}: need {3 * n} labelled rows, found {len(rows)}")
    pairs = [(clean(r["premise"]), clean(r["hypothesis"]), r["label"]) for r in rows[:n]]
    pairs += [
        (clean(p["premise"]), clean(h["hypothesis"]), "unrelated")
        for p, h in zip(rows[n : 2 * n], rows[2 * n : 3 * n])
    ]
    with tempfile.TemporaryDirectory() as tmp:
        forward, backward, sentences = (os.path.join(tmp, f) for f in ("f.tsv", "b.tsv", "s.txt"))
        with open(forward, "w") as f, open(backward, "w") as b, open(sentences, "w") as s:
            f.write("id\tpremise\thypothesis\n")
            b.write("id\tpremise\thypothesis\n")
            for i, (premise, hypothesis, _) in enumerate(pairs):
                f.write(f"{i}\t{premise}\t{hypothesis}\n")
                b.write(f"{i}\t{hypothesis}\t{premise}\n")
                s.write(f"{premise}\n{hypothesis}\n")
        ab = [json.loads(l) for l in run(binary, ["nli", forward]).splitlines()]
        ba = [json.loads(l) for l in run(binary, ["nli", backward]).splitlines()]
        vectors = [json.loads(l)["embedding"] for l in run(binary, ["embed", sentences]).splitlines()]
    scored = []
    for i, (_, _, label) in enumerate(pairs):
        similarity = sum(x * y for x, y in zip(vectors[2 * i], vectors[2 * i + 1]))
        contradiction = (ab[i]["contradiction"] + ba[i]["contradiction"]) / 2
        scored.append((label, similarity, contradiction >= 0.5))
    real = [s for s in scored if s[0] == "contradiction"]
    unrelated = [s for s in scored if s[0] == "unrelated"]
    caught = sum(flagged for _, _, flagged in real)
    false_alarms = sum(flagged for _, _, flagged in unrelated)
    print(f"{len(real)} real contradictions, the model catches {caught} (mean contradiction >= 0.5)")
    print(f"{len(unrelated)} unrelated pairs, the model calls {false_alarms} contradictions")
    print("floor  real caught kept  unrelated still flagged")
    for floor in FLOORS:
        kept = sum(flagged and sim >= floor for _, sim, flagged in real)
        still = sum(flagged and sim >= floor for _, sim, flagged in unrelated)
        print(f"{floor:5.2f}  {kept:5d} ({kept / max(caught, 1):6.1%})  {still:5d} ({still / max(false_alarms, 1):6.1%})")


if __name__ == "__main__":
    main()
