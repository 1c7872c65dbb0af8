"""The fusion gold splits are disjoint: no claim and no event label in two of them, so the
held-out split stays held out and each development split measures new ground."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

from frontline.fuse.score import read_clusters

GOLD = Path(__file__).resolve().parents[2] / "data" / "gold"
SPLITS = sorted(GOLD.glob("clusters_*.jsonl"))


def test_gold_splits_share_no_claim_and_no_event() -> None:
    assert {p.name for p in SPLITS} >= {
        "clusters_dev.jsonl",
        "clusters_dev2.jsonl",
        "clusters_dev3.jsonl",
        "clusters_dev4.jsonl",
        "clusters_dev5.jsonl",
        "clusters_test.jsonl",
    }
    splits = {p.name: read_clusters(p) for p in SPLITS}
    for (a, left), (b, right) in combinations(splits.items(), 2):
        assert not set(left) & set(right), (a, b)
        assert not set(left.values()) & set(right.values()), (a, b)
    assert sum(len(gold) for gold in splits.values()) >= 150
