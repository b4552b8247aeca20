#!/usr/bin/env python3
"""Compares the speakers two contra builds find in the same articles.

Usage: scripts/speaker_table.py OLD_BIN NEW_BIN ARTICLE.txt...

For every article it runs `BIN claims ARTICLE --format json` with both builds and
counts, over all articles: speakers per article, the new build's speakers by kind,
and what became of the old speakers: kept (the same claims, one id), merged (their
claims now belong to a speaker that also holds another old speaker's claims),
rejected (none of their claims is attributed any more). Prints a markdown table.
"""
import collections
import json
import subprocess
import sys


def claims_of(binary, path):
    run = subprocess.run([binary, "claims", path, "--format", "json"],
                         capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def compare(old, new):
    """Counts kept, merged and rejected old speakers of one article."""
    by_span = collections.defaultdict(set)
    for c in new["claims"]:
        by_span[(c["span"]["start"], c["span"]["end"])].add(c["speaker"])
    target = collections.defaultdict(set)
    for c in old["claims"]:
        target[c["speaker"]] |= by_span.get((c["span"]["start"], c["span"]["end"]), set())
    sources_of = collections.defaultdict(set)
    for old_id, new_ids in target.items():
        for new_id in new_ids:
            sources_of[new_id].add(old_id)
    counts = collections.Counter()
    for old_id, new_ids in target.items():
        if not new_ids:
            counts["rejected"] += 1
        elif any(len(sources_of[n]) > 1 for n in new_ids):
            counts["merged"] += 1
        else:
            counts["kept"] += 1
    return counts


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    old_bin, new_bin, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    totals = collections.Counter()
    kinds = collections.Counter()
    for path in paths:
        old, new = claims_of(old_bin, path), claims_of(new_bin, path)
        totals["old_speakers"] += len(old["speakers"])
        totals["new_speakers"] += len(new["speakers"])
        totals["old_claims"] += len(old["claims"])
        totals["new_claims"] += len(new["claims"])
        totals.update(compare(old, new))
        kinds.update(s.get("kind", "?") for s in new["speakers"])
    n = len(paths)
    print(f"| articles | {n} |\n|---|---:|")
    print(f"| speakers per article, before | {totals['old_speakers'] / n:.2f} |")
    print(f"| speakers per article, after | {totals['new_speakers'] / n:.2f} |")
    print(f"| claims, before / after | {totals['old_claims']} / {totals['new_claims']} |")
    for key in ("kept", "merged", "rejected"):
        print(f"| old speakers {key} | {totals[key]} |")
    for kind, count in sorted(kinds.items()):
        print(f"| new speakers typed {kind} | {count} |")


if __name__ == "__main__":
    main()
