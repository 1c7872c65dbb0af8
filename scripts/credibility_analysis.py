"""How much can the text of a FA-KES article tell of its label? (figures of docs/credibility.md)

    .venv/bin/python scripts/credibility_analysis.py [samples/fakes_dev.csv]

1. Label agreement between articles that report the same thing: pairs with the same
   ``location`` and ``date`` columns, and pairs of near-duplicate texts (word 5-gram Jaccard
   >= 0.5). If copies of one text carry different labels, no reading of the text can fit both.
2. Each credibility feature (frontline.fuse.credibility, corroboration through the fuse stage):
   mean among credible and fake articles and its correlation with the label, next to the
   largest correlation a shuffled label reaches (fixed seed), the noise level.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from statistics import fmean, pstdev

from frontline.fuse.credibility import corpus_features
from frontline.fuse.credibility_model import SEED, labelled_corpus, near_duplicate_groups

ROOT = Path(__file__).resolve().parents[1]


def agreement(groups: dict[object, list[int]], labels: list[int]) -> tuple[int, int]:
    """(pairs with the same label, all pairs) within each group."""
    same = total = 0
    for members in groups.values():
        for i, j in combinations(members, 2):
            total += 1
            same += labels[i] == labels[j]
    return same, total


def correlation(xs: list[float], ys: list[int]) -> float:
    sx, sy = pstdev(xs), pstdev(ys)
    if sx == 0 or sy == 0:
        return 0.0
    mx, my = fmean(xs), fmean(ys)
    return fmean((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / (sx * sy)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", default=[str(ROOT / "samples" / "fakes_dev.csv")])
    parser.add_argument("--shuffles", type=int, default=200)
    args = parser.parse_args(argv)
    extractions, labels = labelled_corpus(args.corpus)
    docs = [x.document for x in extractions]
    print(f"{len(labels)} articles, {sum(labels)} credible ({sum(labels) / len(labels):.3f})")

    by_place_day: dict[object, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        by_place_day[(d.meta.get("location"), d.published)].append(i)
    same, total = agreement(by_place_day, labels)
    print(f"same location+date pairs: {same}/{total} share a label ({same / max(total, 1):.3f})")
    dup: dict[object, list[int]] = defaultdict(list)
    for i, g in enumerate(near_duplicate_groups([d.text for d in docs])):
        dup[g].append(i)
    same, total = agreement(dup, labels)
    print(f"near-duplicate text pairs: {same}/{total} share a label ({same / max(total, 1):.3f})")
    rate = sum(labels) / len(labels)
    chance = rate**2 + (1 - rate) ** 2
    print(f"two articles drawn at random share a label with probability {chance:.3f}")

    features = corpus_features(extractions)
    names = sorted({n for f in features for n in f.values})
    rng = random.Random(SEED)
    noise = []
    for _ in range(args.shuffles):
        shuffled = labels[:]
        rng.shuffle(shuffled)
        noise.append(
            max(abs(correlation([f.values.get(n, 0.0) for f in features], shuffled)) for n in names)
        )
    noise.sort()
    level = noise[int(0.95 * len(noise)) - 1]
    print("\nfeature correlation with the label (95th percentile of the largest |r| over")
    print(f"{args.shuffles} shuffles of the labels, the noise level: {level:.3f})")
    print(f"{'feature':<22} {'credible':>9} {'fake':>9} {'r':>7}")
    rows = []
    for n in names:
        xs = [f.values.get(n, 0.0) for f in features]
        pos = fmean(x for x, y in zip(xs, labels, strict=True) if y)
        neg = fmean(x for x, y in zip(xs, labels, strict=True) if not y)
        rows.append((abs(correlation(xs, labels)), n, pos, neg, correlation(xs, labels)))
    for _, n, pos, neg, r in sorted(rows, reverse=True):
        flag = "  *" if abs(r) > level else ""
        print(f"{n:<22} {pos:>9.3f} {neg:>9.3f} {r:>+7.3f}{flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
