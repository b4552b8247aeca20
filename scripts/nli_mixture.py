"""The training mixture of the MPNet NLI cross-encoder, built deterministically from the files in
../shared/data/nli/train and ../shared/data/news (never PolNeAR), plus pairs generated from their
real sentences:

* negations: a hypothesis that a premise entails, negated ("was" -> "was not", "attacked" -> "did
  not attack"), is a contradiction of that premise; the hypothesis and its negation contradict
  each other in both directions. ClaimDiff news claims give the same pairs in news prose.
* negated cores (with --negated-cores): a real sentence whose clause goes on past its object ("Russia attacked Ukraine
  without any provocation on February 24") contradicts its negated core ("Russia did not attack
  Ukraine"), in both directions, and entails the core itself: adjuncts do not soften a negation.
* unrelated pairs: a premise with a hypothesis drawn from another story or another genre is
  neutral, never a contradiction (the failure that put unrelated claims at the top of reports).

`python3 scripts/nli_mixture.py OUT.tsv [--seed N] [--share SOURCE=F] [--contra] [--apart PREFIX FILE]` writes the
mixture with a `source` column (or in `contra train-nli`'s columns), optionally with the pairs
of some sources in a file apart; `load_mixture` is what scripts/train_mpnet.py calls.
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
NEGATED_CORES = 3000
CAPTION_SOURCES = ("snli_train_100k", "cad_snli_train", "sick_train", "breaking_nli")
# Words that end a clause's core (subject, verb, object) and start an adjunct.
ADJUNCT_STARTS = {
    "without", "on", "in", "at", "after", "before", "during", "since", "because", "when",
    "while", "despite", "amid", "following", "last", "this", "yesterday", "today", "until",
    "as", "by", "from", "through", "over", "across", "near", "under", "against", "with",
}
NOT_OBJECT_STARTS = ADJUNCT_STARTS | {"about", "to", "of", "for", "up", "out", "off", "down", "into", "that"}
NOT_SUBJECTS = {
    "so", "but", "and", "or", "while", "when", "if", "because", "although", "though", "after",
    "before", "since", "as", "then", "those", "this", "that", "these", "there", "here", "it",
    "once", "now", "still", "yet", "also", "no", "nobody", "none", "nothing", "her", "his",
    "their", "its", "my", "our", "your",
}
CORE_AUXILIARIES = {"is", "are", "was", "were", "will", "has", "have", "had"}
NEGATORS = {"not", "never", "no", "nothing", "nobody", "none"}
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
        stem = lower[:-2]
        if stem[-1] == stem[-2] and stem[-1] not in "aeiouy":
            # "stepped" -> "step", but "called" -> "call"
            candidates = (stem, stem[:-1]) if stem[-1] in "lsfz" else (stem[:-1], stem)
        elif re.search(r"[^aeiou][aeiou][^aeiouwxy]$", stem):
            candidates = (stem + "e", stem)  # "stared" -> "stare", "used" -> "use", "visited" -> "visit"
        else:
            candidates = (stem, stem + "e")  # "attacked" -> "attack", "related" -> "relate"
        for candidate in candidates:
            if candidate in vocabulary:
                return candidate
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


def clause_core(sentence, vocabulary):
    """`(core, negated core)` of a sentence "Subject verb-ed object adjunct…", or None.

    The subject is a capitalised name of one or two words or "The/A" and a noun, the verb a
    lower-case past tense, the object one to five plain words that end before an adjunct word
    or a comma, and at least two words follow the core. Clauses already negated are skipped.
    """
    words = sentence.split()
    v = subject_length(words)
    if v is None or v + 2 >= len(words) or not (words[v].isalpha() and words[v].islower()):
        return None
    # "attacked Ukraine …" or "is targeting only military infrastructure …"
    if words[v] in CORE_AUXILIARIES:
        if not words[v + 1].isalpha() or not words[v + 1].islower() or words[v + 1] in NOT_OBJECT_STARTS | NEGATORS:
            return None
        v += 1
    elif base_form(words[v], vocabulary) is None:
        return None
    if words[v + 1].lower() in NOT_OBJECT_STARTS:
        return None
    for end in range(v + 2, min(v + 7, len(words))):
        previous, word = words[end - 1], words[end].lower().strip(",")
        if not re.fullmatch(r"[\w'’]+(-[\w'’]+)*,?", previous) or previous.lower().rstrip(",") in NEGATORS:
            return None
        if previous.lower() == "and" and base_form(word, vocabulary):
            return None  # "turned and smiled": two verbs, and "did not" would take only one
        clause_follows = word == "and" and words[end + 1].lower() in PRONOUN_SUBJECTS
        if previous.endswith(",") or word in ADJUNCT_STARTS or clause_follows:
            if len(words) - end < 2:
                return None
            core = " ".join(words[:end]).rstrip(",") + "."
            negated = negate(core, vocabulary)
            return (core, negated) if negated and negated != core else None
    return None


def subject_length(words):
    """How many words open the sentence as its subject: "Russia", "Vladimir Putin", "The company"."""
    if len(words) < 5 or not words[0][:1].isupper() or words[0].lower() in NOT_SUBJECTS:
        return None
    if words[0] in ("The", "A", "An"):
        return 2 if words[1].isalpha() and words[1].islower() else None
    if not words[0].isalpha() or words[0].endswith("ing"):
        return None
    return 2 if words[1][:1].isupper() and words[1].isalpha() else 1


def negated_core_pairs(sentences, vocabulary, count, rng):
    """A sentence against its negated core (both ways: contradiction) and its core (entailment)."""
    out, seen = [], set()
    for sentence, source in sentences:
        found = None if sentence in seen else clause_core(sentence, vocabulary)
        seen.add(sentence)
        if found is None:
            continue
        core, negated = found
        first, second = (sentence, negated) if rng.random() < 0.5 else (negated, sentence)
        out.append((first, second, "contradiction", f"gen_core_negation_{source}"))
        if rng.random() < 0.4:
            out.append((sentence, core, "entailment", f"gen_core_{source}"))
        if len(out) >= count:
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


def load_mixture(data_dir, news_dir, seed, negated_cores=False, shares=None):
    """The shuffled mixture; `shares` maps a source (file stem) to a fraction that replaces its
    share in SOURCES."""
    rng = random.Random(seed)
    shares = shares or {}
    rows_by_source = {}
    for name, _ in SOURCES:
        source = name.split(".")[0]
        rows_by_source[source] = list(read_tsv(Path(data_dir) / name))
    vocabulary = {w.lower() for rows in rows_by_source.values() for p, h, _ in rows
                  for w in re.findall(r"[A-Za-z]+", p + " " + h)}
    mixture = []
    for name, fraction in SOURCES:
        source = name.split(".")[0]
        fraction = shares.get(source, fraction)
        mixture += [(p, h, l, source) for p, h, l in sample(rows_by_source[source], fraction, rng)]
    mixture += negation_pairs(rows_by_source, vocabulary, NEGATED_HYPOTHESES, rng)
    mixture += unrelated_pairs(rows_by_source, UNRELATED_PAIRS, rng)
    claims = claimdiff_claims(Path(news_dir))
    mixture += claimdiff_pairs(claims, vocabulary, rng)
    if negated_cores:
        mixture += negated_core_pairs(written_sentences(claims, rows_by_source, rng), vocabulary,
                                      NEGATED_CORES, rng)
    rng.shuffle(mixture)
    return mixture


def written_sentences(claims, rows_by_source, rng):
    """ClaimDiff's news claims and the premises of the written genres, shuffled."""
    sentences = [(claim, "claimdiff") for claim, _ in claims]
    # Premises of the written genres; image captions ("A man dressed in black…") are no clauses.
    sentences += [(p, s) for s, rows in rows_by_source.items()
                  if s not in CAPTION_SOURCES for p, _, _ in rows]
    rng.shuffle(sentences)
    return sentences


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--data", default="../shared/data/nli/train")
    parser.add_argument("--news", default="../shared/data/news")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--negated-cores", action="store_true",
                        help="add the negated-core pairs (round 2 of the MPNet model)")
    parser.add_argument("--apart", nargs=2, metavar=("PREFIX", "FILE"),
                        help="write the pairs whose source starts with PREFIX to FILE instead, "
                             "so `contra train-nli` can weight them (FILE@3)")
    parser.add_argument("--contra", action="store_true",
                        help="write contra train-nli's columns (id premise hypothesis label), "
                             "the source in the id")
    parser.add_argument("--share", action="append", default=[], metavar="SOURCE=FRACTION",
                        help="use FRACTION of SOURCE's pairs instead of its share in SOURCES "
                             "(e.g. lingnli_train=0.6); repeatable")
    args = parser.parse_args()
    shares = parse_shares(parser, args.share)
    mixture = load_mixture(args.data, args.news, args.seed, args.negated_cores, shares)
    prefix, apart_path = args.apart or (None, None)
    apart = [row for row in mixture if prefix and row[3].startswith(prefix)]
    rest = [row for row in mixture if not (prefix and row[3].startswith(prefix))]
    write_pairs(args.out, rest, args.contra)
    if apart_path:
        write_pairs(apart_path, apart, args.contra)
    counts = Counter(s for *_, s in mixture)
    for source, n in sorted(counts.items()):
        print(f"{source}\t{n}", file=sys.stderr)
    print(f"total\t{len(mixture)}", file=sys.stderr)


def parse_shares(parser, items):
    known = {name.split(".")[0] for name, _ in SOURCES}
    shares = {}
    for item in items:
        source, _, fraction = item.partition("=")
        try:
            shares[source] = float(fraction)
        except ValueError:
            parser.error(f"--share {item}: expected SOURCE=FRACTION, e.g. lingnli_train=0.6")
        if source not in known:
            parser.error(f"--share {item}: unknown source {source!r} (known: {', '.join(sorted(known))})")
        if shares[source] < 0:
            parser.error(f"--share {item}: the fraction must not be negative")
    return shares


def write_pairs(path, rows, contra_columns):
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\n")
        if contra_columns:
            writer.writerow(["id", "premise", "hypothesis", "label"])
            writer.writerows((f"{s}_{i}", p, h, l) for i, (p, h, l, s) in enumerate(rows))
        else:
            writer.writerow(["premise", "hypothesis", "label", "source"])
            writer.writerows(rows)


if __name__ == "__main__":
    main()
