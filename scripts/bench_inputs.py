#!/usr/bin/env python3
"""Builds the inputs of scripts/bench.sh's scaling runs from real articles: for each target N,
two files (one outlet each) made of whole PolNeAR articles appended until `contra claims`
finds at least N claims in the file.

    bench_inputs.py CONTRA POLNEAR_TEXT_DIR OUT_DIR N [N ...]

Writes OUT_DIR/side-a-N.txt and OUT_DIR/side-b-N.txt and prints `N claims_a claims_b` lines.
"""
import json
import pathlib
import subprocess
import sys

OUTLETS = ("breitbart", "huff-post")


def count_claims(contra, path):
    out = subprocess.run([contra, "claims", str(path)], check=True, capture_output=True, text=True)
    return len(json.loads(out.stdout)["claims"])


def build_side(contra, articles, target, path):
    """Appends articles until the file holds `target` claims; counts grow by each article's."""
    text, claims = "", 0
    for article in articles:
        text += article.read_text(encoding="utf-8").strip() + "\n\n"
        path.write_text(text, encoding="utf-8")
        claims = count_claims(contra, path)
        if claims >= target:
            return claims
    sys.exit(f"only {claims} claims in all {OUTLETS} articles: cannot reach {target}")


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    contra, text_dir, out_dir = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    out_dir.mkdir(parents=True, exist_ok=True)
    for target in map(int, sys.argv[4:]):
        counts = []
        for side, outlet in zip("ab", OUTLETS):
            # Shortest first, so that the claim count lands near the target.
            articles = sorted(text_dir.glob(f"{outlet}_*.txt"), key=lambda p: (p.stat().st_size, p.name))
            counts.append(build_side(contra, articles, target, out_dir / f"side-{side}-{target}.txt"))
        print(target, *counts)


if __name__ == "__main__":
    main()
