#!/usr/bin/env python3
"""Loads a `contra compare --format json` report the way a notebook would: prints the top
pairs and saves a speaker-by-speaker heat map of the strongest contradiction.

    .venv/bin/python scripts/notebook_example.py report.json [heatmap.png]

Installs pandas and matplotlib into the running environment when they are missing.
"""
import importlib.util
import json
import subprocess
import sys


def ensure(*packages):
    missing = [p for p in packages if importlib.util.find_spec(p) is None]
    if missing:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet",
                               "--disable-pip-version-check", *missing])


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    report_path = sys.argv[1]
    png_path = sys.argv[2] if len(sys.argv) == 3 else "contradictions_heatmap.png"
    ensure("pandas", "matplotlib")
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import pandas as pd

    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    if report.get("schema") != "contra.report/2":
        sys.exit(f"{report_path}: not a contra.report/2 file")

    pairs = pd.json_normalize(report["pairs"])
    claims = pd.json_normalize(report["claims"]).set_index("id")
    names = {s["id"]: s["name"] for s in report["speakers"]}
    if pairs.empty:
        print("no scored pairs")
        return
    pairs["claim_a"] = pairs["a"].map(claims["text"])
    pairs["claim_b"] = pairs["b"].map(claims["text"])
    top = pairs.sort_values("contradiction", ascending=False).head(10)
    with pd.option_context("display.max_colwidth", 60, "display.width", 200):
        print(top[["rank", "speaker_a", "speaker_b", "contradiction", "similarity",
                   "directions.a_to_b.contradiction", "directions.b_to_a.contradiction",
                   "claim_a", "claim_b"]].to_string(index=False))

    # Strongest contradiction for each pair of speakers, shown both ways round.
    both = pd.concat([
        pairs[["speaker_a", "speaker_b", "contradiction"]],
        pairs.rename(columns={"speaker_a": "speaker_b", "speaker_b": "speaker_a"})[
            ["speaker_a", "speaker_b", "contradiction"]],
    ])
    grid = both.pivot_table(index="speaker_a", columns="speaker_b", values="contradiction",
                            aggfunc="max")
    fig, ax = plt.subplots(figsize=(1.2 * len(grid.columns) + 3, 1.0 * len(grid.index) + 2))
    image = ax.imshow(grid.values, cmap="Reds", vmin=0, vmax=1)
    ax.set_xticks(range(len(grid.columns)), [names.get(s, s) for s in grid.columns],
                  rotation=45, ha="right")
    ax.set_yticks(range(len(grid.index)), [names.get(s, s) for s in grid.index])
    for (row, col), value in pd.DataFrame(grid.values).stack().items():
        ax.text(col, row, f"{value:.2f}", ha="center", va="center", fontsize=8)
    fig.colorbar(image, ax=ax, label="strongest contradiction")
    ax.set_title("contra: strongest contradiction between speakers")
    fig.tight_layout()
    fig.savefig(png_path, dpi=120)
    print(f"saved {png_path}")


if __name__ == "__main__":
    main()
