"""Claims in, fused events out: the pure core of the fuse stage.

``fuse_claims(events, copies, sources)`` finds the compatible pairs, splits the connected
components into events and fuses each one. ``fuse_claims`` over all claims equals the union
of ``fuse_claims`` over each component's claims, which :mod:`frontline.fuse.update` relies on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from frontline.fuse.cluster import (
    Claim,
    PlaceMatcher,
    compatible_pairs,
    make_claims,
)
from frontline.fuse.copies import Copies
from frontline.fuse.corroborate import fuse_event
from frontline.fuse.graph import Graph, NodeGraph, PairGraph
from frontline.fuse.outlets import OutletDirectory
from frontline.fuse.rules import FusionRules, default_rules
from frontline.fuse.split import split_component
from frontline.geo import Gazetteer
from frontline.records import Event, FusedEvent


@dataclass(frozen=True, slots=True)
class Fusion:
    """What fusion needs besides the claims: rules, outlets, gazetteer."""

    rules: FusionRules
    outlets: OutletDirectory
    gazetteer: Gazetteer

    @classmethod
    def default(cls) -> Fusion:
        return cls(default_rules(), OutletDirectory.default(), Gazetteer.default())

    def matcher(self) -> PlaceMatcher:
        return PlaceMatcher(self.gazetteer, self.rules.same_km)


def claim_components(
    claims: Sequence[Claim],
    fusion: Fusion,
    matcher: PlaceMatcher | None = None,
    pairwise: bool = False,
) -> tuple[list[list[int]], Graph]:
    """The connected components of the compatibility graph, and the graph. The graph folds
    claims that say the same thing into one node (:class:`NodeGraph`); ``pairwise`` stores
    every compatible pair instead (:class:`PairGraph`, the reference; same events)."""
    places = matcher or fusion.matcher()
    if pairwise:
        graph: PairGraph | NodeGraph = PairGraph(
            claims, compatible_pairs(claims, fusion.rules, places)
        )
    else:
        graph = NodeGraph(claims, fusion.rules, places)
    return graph.components(), graph


def fuse_claims(
    events: Iterable[Event],
    copies: Copies | None = None,
    sources: Mapping[str, str | None] | None = None,
    fusion: Fusion | None = None,
    pairwise: bool = False,
) -> list[FusedEvent]:
    """Fused events from claims of many documents, by date then fused id.

    ``copies`` folds copied articles into their originals; ``sources`` gives each document's
    outlet (for originals that have no claim of their own); ``pairwise``: see
    :func:`claim_components`.
    """
    fusion = fusion or Fusion.default()
    claims = make_claims(events, copies)
    groups, graph = claim_components(claims, fusion, pairwise=pairwise)
    return fuse_groups(claims, groups, graph, fusion, sources or {})


def fuse_groups(
    claims: Sequence[Claim],
    groups: Iterable[Sequence[int]],
    graph: Graph,
    fusion: Fusion,
    sources: Mapping[str, str | None],
) -> list[FusedEvent]:
    """Split each component into events and fuse them."""
    fused = []
    for group in groups:
        for event in split_component(claims, group, graph, fusion.rules):
            members = [claims[i] for i in event]
            fused.append(fuse_event(members, fusion.rules, fusion.outlets, sources))
    fused.sort(key=lambda f: (f.event_date or date.max, f.fused_id))
    return fused
