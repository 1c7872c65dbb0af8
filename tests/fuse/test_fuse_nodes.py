"""Claims folded into nodes (``NodeGraph``) fuse exactly as with every pair stored."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from fuse_fakes import extracted, rows_where

from frontline.fuse import Fusion, fuse_claims
from frontline.fuse.cluster import compatible_pairs, make_claims
from frontline.fuse.graph import NodeGraph, PairGraph
from frontline.records import Event

IDLIB_APRIL_2017 = rows_where("idlib", ("4/2017",))
ALEPPO_LATE_2016 = rows_where("aleppo", ("11/2016", "12/2016"))


def _republished(events: tuple[Event, ...], copies: int, documents: int) -> list[Event]:
    """Each article's claims ``copies`` times, dated a day either side in turn, the copies
    spread over ``documents`` documents per article (so one document holds several copies of
    a claim, and claims of one document meet claims of others)."""
    out = []
    for k in range(copies):
        for event in events:
            day = event.event_date + timedelta(days=k % 3 - 1) if event.event_date else None
            out.append(
                dataclasses.replace(
                    event,
                    event_id=f"{event.event_id}.{k}",
                    doc_id=f"{event.doc_id}.{k % documents}",
                    event_date=day,
                )
            )
    return out


@pytest.mark.parametrize(
    ("rows", "copies", "documents"),
    [
        (IDLIB_APRIL_2017, 1, 1),  # the articles as they are
        (ALEPPO_LATE_2016, 1, 1),
        (IDLIB_APRIL_2017, 6, 2),  # two documents per article: pairs within one document
        (IDLIB_APRIL_2017, 9, 4),  # several documents a side
        (ALEPPO_LATE_2016, 4, 3),
    ],
)
def test_nodes_fuse_republished_claims_as_every_pair_does(
    rows: tuple[str, ...], copies: int, documents: int
) -> None:
    events = _republished(extracted(rows), copies, documents)
    folded = fuse_claims(events)
    assert folded == fuse_claims(events, pairwise=True)
    assert sorted(m for f in folded for m in f.members) == sorted(e.event_id for e in events)
    if copies > 1:
        assert max(len(f.members) for f in folded) >= copies


def test_nodes_give_the_components_of_every_pair() -> None:
    events = _republished(extracted(ALEPPO_LATE_2016), 5, 3)
    claims = make_claims(events)
    fusion = Fusion.default()
    pairs = compatible_pairs(claims, fusion.rules, fusion.matcher())
    nodes = NodeGraph(claims, fusion.rules, fusion.matcher())
    assert nodes.components() == PairGraph(claims, pairs).components()


def test_copies_of_a_story_add_no_pairs_of_nodes() -> None:
    # fifty copies of the same claims over three days store the pairs six copies store: those
    # of the distinct claims and days, however many copies (every pair would grow with the
    # square of the copies)
    events = extracted(IDLIB_APRIL_2017)
    fusion = Fusion.default()
    few = NodeGraph(make_claims(_republished(events, 6, 6)), fusion.rules, fusion.matcher())
    many = make_claims(_republished(events, 50, 50))
    graph = NodeGraph(many, fusion.rules, fusion.matcher())
    assert len(graph.members) == len(few.members)
    assert len(graph.scores) == len(few.scores)
