#!/usr/bin/env python3
"""Writes the inputs of scripts/bench.sh's candidate-selection runs: for each N, a directory of
articles holding N claims in all, each claim a distinct real sentence from the NLI training
sets in ../shared (premises and hypotheses: MultiNLI, LingNLI, XNLI, ANLI, SNLI, ...) quoted by
an invented speaker, ten claims per speaker and ten speakers per article.

    candidate_inputs.py OUT_DIR N [N ...]

Writes OUT_DIR/N/article-XXXXX.txt and prints `N DIR` lines. Sentences are taken in file order
and kept when they are one plain sentence (25 to 200 characters, no quotation marks, no
reporting verb that would make a claim inside the claim); the same N always gives the same
articles.
"""
import csv
import gzip
import pathlib
import random
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from scale_inputs import first_names, surnames  # noqa: E402

NLI = pathlib.Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "nli" / "train"
CLAIMS_PER_SPEAKER = 10
SPEAKERS_PER_ARTICLE = 10
REPORTING = (" said", " says", " say ", " told", " according", " stated", " claimed", ":", ";")


def sentences():
    """Distinct plain sentences from the NLI training sets, in a fixed order."""
    csv.field_size_limit(1 << 20)
    seen = set()
    for path in sorted(NLI.glob("*.tsv*")):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                for text in (row.get("premise") or "", row.get("hypothesis") or ""):
                    text = " ".join(text.split())
                    plain = (
                        25 <= len(text) <= 200
                        and text[0].isupper()
                        and text.endswith(".")
                        and ". " not in text
                        and not any(q in text for q in "\"“”‘’`")
                        and not any(r in text.lower() for r in REPORTING)
                    )
                    if plain and text.lower() not in seen:
                        seen.add(text.lower())
                        yield text


def write_articles(n, out_dir):
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(n)
    speakers = -(-n // CLAIMS_PER_SPEAKER)
    first = first_names()
    people = [(rng.choice(first), surname) for surname in surnames(speakers, rng)]
    texts = sentences()
    per_article = CLAIMS_PER_SPEAKER * SPEAKERS_PER_ARTICLE
    for article, start in enumerate(range(0, n, per_article)):
        count = min(per_article, n - start)
        cast = people[start // CLAIMS_PER_SPEAKER : (start + count - 1) // CLAIMS_PER_SPEAKER + 1]
        lines = [f"{given} {surname} is a senator from the state." for given, surname in cast]
        for k in range(count):
            text = next(texts, None)
            if text is None:
                sys.exit(f"the NLI sets in {NLI} hold too few plain sentences for {n} claims")
            _, surname = cast[k % len(cast)]
            lines.append(f'"{text[:-1]}," {surname} said.')
        (out_dir / f"article-{article:05d}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out = pathlib.Path(sys.argv[1])
    for n in map(int, sys.argv[2:]):
        write_articles(n, out / str(n))
        print(n, out / str(n))


if __name__ == "__main__":
    main()
