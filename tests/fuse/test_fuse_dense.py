"""Fusion on dense data: many copies of the same claims (a story republished by many outlets)."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from fuse_fakes import extracted, rows_where

from frontline.fuse import Fusion
from frontline.fuse.cluster import compatible, compatible_pairs, make_claims
from frontline.records import Event


def _copies(events: tuple[Event, ...], copies: int) -> list[Event]:
    """Each claim ``copies`` times, each copy in a document of its own, a day apart in turn."""
    out = []
    for k in range(copies):
        for event in events:
            day = event.event_date + timedelta(days=k % 3 - 1) if event.event_date else None
            out.append(
                dataclasses.replace(
                    event,
                    event_id=f"{event.event_id}.{k}",
                    doc_id=f"{event.doc_id}.{k % 2}",
                    event_date=day,
                )
            )
    return out


def test_fusion_pairs_of_repeated_claims_score_as_each_pair_compared_alone() -> None:
    # Scores are remembered per pair of claim signatures: every pair found must score what
    # comparing the two claims alone gives, and no compatible pair of a block may be missed.
    events = extracted(rows_where("idlib", ("4/2017",)))
    claims = make_claims(_copies(events, 6))
    fusion = Fusion.default()
    rules, places = fusion.rules, fusion.matcher()
    pairs = compatible_pairs(claims, rules, places)
    assert len(pairs) > len(claims)
    for i, a in enumerate(claims):
        for j in range(i + 1, len(claims)):
            if claims[j].block == a.block:
                assert pairs.get((i, j), 0) == compatible(a, claims[j], rules, places), (i, j)
