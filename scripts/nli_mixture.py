"""The training mixture of the MPNet NLI cross-encoder, built deterministically from the files in
../shared/data/nli/train and ../shared/data/news (never PolNeAR), plus pairs generated from their
real sentences:

* negations: a hypothesis that a premise entails, negated ("was" -> "was not", "attacked" -> "did
  not attack"), is a contradiction of that premise; the hypothesis and its negation contradict
  each other in both directions. ClaimDiff news claims give the same pairs in news prose.
* unrelated pairs: a premise with a hypothesis drawn from another story or another genre is
  neutral, never a contradiction (the failure that put unrelated claims at the top of reports).

`python3 scripts/nli_mixture.py OUT.tsv [--seed N]` writes the mixture with a `source` column;
`load_mixture` is what the trainer calls.
"""

import argparse
import csv
import gzip
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

LABELS = ("entailment", "neutral", "contradiction")

# (file, fraction of its pairs per epoch); fractions above 1 repeat the file.
SOURCES = [
    ("mnli_train_pieces.tsv", 1.0),
    ("lingnli_train.tsv.gz", 0.25),
    ("xnli_en_dev.tsv", 1.0),
    ("xnli_en_test.tsv", 1.0),
    ("anli_r1_dev.tsv", 1.0),
    ("anli_r2_dev.tsv", 1.0),
    ("anli_r3_dev.tsv", 1.0),
    ("snli_train_100k.tsv.gz", 0.04),
    ("cad_snli_train.tsv", 0.18),
    ("sick_train.tsv", 0.45),
    ("breaking_nli.tsv", 0.12),
    ("ambient_single_label.tsv", 0.6),
    ("ambient_disambiguations.tsv", 0.6),
    ("cb_train.tsv", 1.0),
    ("cb_dev.tsv", 1.0),
    ("conjnli_dev.tsv", 1.0),
]
# Genres whose entailed hypotheses are negated, and how many generated pairs of each kind.
NEGATION_SOURCES = ("mnli_train_pieces", "lingnli_train", "xnli_en_dev", "xnli_en_test", "snli_train_100k")
NEGATED_HYPOTHESES = 1800
UNRELATED_PAIRS = 2500
CLAIMDIFF_FILES = ("claimdiff_weak_train.json", "claimdiff_strength_train.json")

AUXILIARIES = {
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
    "should", "must", "may", "might", "does", "do", "did", "am",
}
CONTRACTIONS = {
    "isn't": "is", "aren't": "are", "wasn't": "was", "weren't": "were", "hasn't": "has",
    "haven't": "have", "hadn't": "had", "won't": "will", "wouldn't": "would", "can't": "can",
    "couldn't": "could", "shouldn't": "should", "doesn't": "does", "don't": "do", "didn't": "did",
}
IRREGULAR_PAST = {
    "said": "say", "went": "go", "took": "take", "made": "make", "gave": "give", "came": "come",
    "saw": "see", "knew": "know", "told": "tell", "found": "find", "thought": "think",
    "left": "leave", "got": "get", "began": "begin", "brought": "bring", "bought": "buy",
    "held": "hold", "kept": "keep", "lost": "lose", "met": "meet", "paid": "pay", "ran": "run",
    "sent": "send", "sat": "sit", "stood": "stand", "won": "win", "wrote": "write",
    "ate": "eat", "drove": "drive", "fell": "fall", "felt": "feel", "led": "lead", "rode": "ride",
    "spoke": "speak", "threw": "throw", "wore": "wear", "built": "build", "caught": "catch",
    "chose": "choose", "drank": "drink", "flew": "fly", "grew": "grow", "heard": "hear",
    "hit": "hit", "sold": "sell", "spent": "spend", "struck": "strike", "swam": "swim",
    "taught": "teach", "understood": "understand", "became": "become", "broke": "break",
}
PRONOUN_SUBJECTS = {"i", "you", "we", "they", "he", "she", "it"}


def read_tsv(path):
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            label = (row.get("label") or "").strip().lower()
            premise, hypothesis = (row.get("premise") or "").strip(), (row.get("hypothesis") or "").strip()
            if label in LABELS and premise and hypothesis:
                yield premise, hypothesis, label


def sample(rows, fraction, rng):
    whole, part = divmod(fraction, 1.0)
    out = list(rows) * int(whole)
    out += rng.sample(rows, round(len(rows) * part))
    return out


def base_form(word, vocabulary):
    """The base form of a past-tense or third-person verb, or None when it is not one."""
    lower = word.lower()
    if lower in IRREGULAR_PAST:
        return IRREGULAR_PAST[lower]
    if lower.endswith("ied") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith("ed") and len(lower) > 4:
        for stem in (lower[:-2], lower[:-1], lower[:-3]):
            if stem in vocabulary:
                return stem
    return None


def negate(sentence, vocabulary):
    """The sentence with its first verb negated, or with its negation removed; None if unsure."""
    words = sentence.split()
    for i, word in enumerate(words[:-1]):
        lower = word.lower()
        if lower in CONTRACTIONS:
            words[i] = keep_case(word, CONTRACTIONS[lower])
            return " ".join(words)
        if lower in AUXILIARIES:
            following = words[i + 1].lower()
            if lower in ("has", "have", "had") and not re.search(r"(ed|en|been|got|not|never)$", following):
                return None  # "has oversight" is a main verb: "has not oversight" is not English
            if following in ("not", "never"):
                del words[i + 1]
            elif words[i + 1].lower() == "no":
                return None
            else:
                words.insert(i + 1, "not")
            return " ".join(words)
    # Simple past after a subject of one or two words: "Russia attacked" -> "Russia did not attack".
    for i in (1, 2):
        if i < len(words) and words[i - 1][:1].isalpha():
            base = base_form(words[i].strip(".,"), vocabulary)
            if base and words[i].isalpha():
                words[i : i + 1] = ["did", "not", base]
                return " ".join(words)
    return None


def keep_case(original, replacement):
    return replacement.capitalize() if original[:1].isupper() else replacement


def negation_pairs(rows_by_source, vocabulary, count, rng):
    entailed = [(p, h, s) for s, rows in rows_by_source.items() if s in NEGATION_SOURCES
                for p, h, l in rows if l == "entailment"]
    rng.shuffle(entailed)
    out = []
    for premise, hypothesis, source in entailed:
        negated = negate(hypothesis, vocabulary)
        if negated is None or negated == hypothesis:
            continue
        out.append((premise, negated, "contradiction", f"gen_negation_{source}"))
        if rng.random() < 0.5:
            out.append((hypothesis, negated, "contradiction", "gen_negation_pair"))
        else:
            out.append((negated, hypothesis, "contradiction", "gen_negation_pair"))
        if len(out) >= 2 * count:
            break
    return out


def claimdiff_claims(news_dir):
    claims = {}
    for name in CLAIMDIFF_FILES:
        path = news_dir / name
        for item in json.loads(path.read_text(encoding="utf-8"))["data"]:
            for key in ("claim_a", "claim_b"):
                claims.setdefault(item[key].strip(), item["topic"])
    return sorted(claims.items())


def claimdiff_pairs(claims, vocabulary, rng):
    """News claims: each claim with its negation (both ways), and with a claim of another story."""
    out = []
    for claim, topic in claims:
        negated = negate(claim, vocabulary)
        if negated and negated != claim and rng.random() < 0.5:
            first, second = (claim, negated) if rng.random() < 0.5 else (negated, claim)
            out.append((first, second, "contradiction", "gen_claimdiff_negation"))
        other, other_topic = claims[rng.randrange(len(claims))]
        if other_topic != topic:
            out.append((claim, other, "neutral", "gen_claimdiff_unrelated"))
    return out


def unrelated_pairs(rows_by_source, count, rng):
    """A premise with the hypothesis of a pair from another source: neutral."""
    pool = [(p, h, s) for s, rows in rows_by_source.items() if s in NEGATION_SOURCES for p, h, _ in rows]
    out = []
    while len(out) < count:
        premise, _, source = pool[rng.randrange(len(pool))]
        _, hypothesis, other = pool[rng.randrange(len(pool))]
        if other != source or source == "lingnli_train":
            out.append((premise, hypothesis, "neutral", "gen_unrelated"))
    return out


def load_mixture(data_dir, news_dir, seed):
    rng = random.Random(seed)
    rows_by_source = {}
    for name, _ in SOURCES:
        source = name.split(".")[0]
        rows_by_source[source] = list(read_tsv(Path(data_dir) / name))
    vocabulary = {w.lower() for rows in rows_by_source.values() for p, h, _ in rows
                  for w in re.findall(r"[A-Za-z]+", p + " " + h)}
    mixture = []
    for name, fraction in SOURCES:
        source = name.split(".")[0]
        mixture += [(p, h, l, source) for p, h, l in sample(rows_by_source[source], fraction, rng)]
    mixture += negation_pairs(rows_by_source, vocabulary, NEGATED_HYPOTHESES, rng)
    mixture += unrelated_pairs(rows_by_source, UNRELATED_PAIRS, rng)
    mixture += claimdiff_pairs(claimdiff_claims(Path(news_dir)), vocabulary, rng)
    rng.shuffle(mixture)
    return mixture


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--data", default="../shared/data/nli/train")
    parser.add_argument("--news", default="../shared/data/news")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    mixture = load_mixture(args.data, args.news, args.seed)
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writerow(["premise", "hypothesis", "label", "source"])
        writer.writerows(mixture)
    counts = Counter(s for *_, s in mixture)
    for source, n in sorted(counts.items()):
        print(f"{source}\t{n}", file=sys.stderr)
    print(f"total\t{len(mixture)}", file=sys.stderr)


if __name__ == "__main__":
    main()
