#!/usr/bin/env python3
"""Writes the inputs that measure how `contra claims` scales, into a temporary directory.

    scripts/scale_inputs.py [OUT_DIR]      (default: a new directory under $TMPDIR)

Files (sizes in bytes; the PolNeAR ones are built from ../shared, which is never copied
into the repository):
  polnear_1.25mb.txt, polnear_2.5mb.txt, polnear_5mb.txt
      PolNeAR train articles concatenated (sorted by name, a blank line between them) up to
      1.25, 2.5 and 5 MB: real news at scale.
  speakers.txt
      20,000 short attributed sentences by 2,000 distinct named speakers (each introduced
      with a full name, then quoted by surname and pronoun): the speaker registry at scale.
  quotes.txt
      10,000 quotation marks in one paragraph, nested (`A said "B said "C said ...`) and
      unbalanced: quote pairing and nested claims at scale.

Prints each path with its size. Then, for example:
  for f in OUT_DIR/*.txt; do /usr/bin/time -f "$f %e s %M KB" target/release/contra claims "$f" >/dev/null; done
"""

import random
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
POLNEAR = REPO.parent / "shared" / "data" / "polnear" / "train" / "text"
MB = 1_000_000


def polnear_concat(target: int) -> str:
    """PolNeAR articles joined by blank lines, cut at the article that reaches `target`."""
    parts, size = [], 0
    articles = sorted(POLNEAR.glob("*.txt"))
    if not articles:
        sys.exit(f"no PolNeAR articles in {POLNEAR}: ../shared is needed")
    while size < target:
        for path in articles:
            text = path.read_text(encoding="utf-8").strip("\ufeff\n") + "\n\n"
            parts.append(text)
            size += len(text.encode("utf-8"))
            if size >= target:
                break
    return "".join(parts)[:target]


def first_names() -> list[str]:
    names = []
    for sex in ("male", "female"):
        path = REPO / "src" / "claims" / "lexicon" / f"first_names_{sex}.txt"
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#")[0].strip()
            if line:
                names.append(line.capitalize())
    return names


def surnames(n: int, rng: random.Random) -> list[str]:
    """`n` distinct invented surnames (Kovarel, Mitosan, ...)."""
    onsets = ["b", "d", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "gr", "st"]
    vowels = ["a", "e", "i", "o", "u"]
    codas = ["", "n", "r", "l", "s", "k"]
    seen: set[str] = set()
    while len(seen) < n:
        word = "".join(rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas) for _ in range(3))
        seen.add(word.capitalize())
    return sorted(seen)


def speakers_page(sentences: int = 20_000, speakers: int = 2_000) -> str:
    rng = random.Random(12)
    first = first_names()
    people = [(rng.choice(first), surname) for surname in surnames(speakers, rng)]
    topics = ["the budget", "the talks", "the vote", "the treaty", "the election", "the tariff"]
    lines, introduced = [], set()
    for k in range(sentences):
        given, surname = people[k % speakers]
        topic = rng.choice(topics)
        if surname not in introduced:
            introduced.add(surname)
            line = f"{given} {surname}, a senator from the state, said that {topic} would pass."
        elif k % 3 == 0:
            line = f'"We will not accept {topic}," {surname} said.'
        elif k % 3 == 1:
            line = f"{surname} added that {topic} was a mistake."
        else:
            line = f"{surname} said {topic} had failed. The senator said it again."
        lines.append(line)
    # Paragraphs of five sentences, as in news.
    return "\n\n".join(" ".join(lines[i : i + 5]) for i in range(0, len(lines), 5)) + "\n"


def quotes_page(marks: int = 10_000) -> str:
    """One paragraph of nested and unbalanced quotations (no line break closes them)."""
    rng = random.Random(7)
    names = surnames(200, rng)
    parts, count = [], 0
    while count < marks:
        shape = count // 50 % 3
        if shape == 0:  # nested: each opens a quote that never closes before the next
            parts.append(f'{rng.choice(names)} said "the plan would fail and')
            count += 1
        elif shape == 1:  # curly, unbalanced: two openings for one closing
            parts.append(f"“{rng.choice(names)} said “the deal was off,” he said")
            count += 3
        else:  # straight quotes closed, with a cue after
            parts.append(f'"It was over," {rng.choice(names)} said, "and done')
            count += 3
    return " ".join(parts) + ".\n"


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="contra-scale-"))
    out.mkdir(parents=True, exist_ok=True)
    files = {
        "polnear_1.25mb.txt": lambda: polnear_concat(1_250_000),
        "polnear_2.5mb.txt": lambda: polnear_concat(2_500_000),
        "polnear_5mb.txt": lambda: polnear_concat(5 * MB),
        "speakers.txt": speakers_page,
        "quotes.txt": quotes_page,
    }
    for name, make in files.items():
        path = out / name
        path.write_text(make(), encoding="utf-8")
        print(f"{path}\t{path.stat().st_size}")


if __name__ == "__main__":
    main()
