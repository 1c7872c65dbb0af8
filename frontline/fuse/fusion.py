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
    components,
    make_claims,
    neighbours,
)
from frontline.fuse.copies import Copies
from frontline.fuse.corroborate import fuse_event
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
    claims: Sequence[Claim], fusion: Fusion, matcher: PlaceMatcher | None = None
) -> tuple[list[list[int]], dict[tuple[int, int], int]]:
    """The connected components of the compatibility graph, and the scored pairs."""
    pairs = compatible_pairs(claims, fusion.rules, matcher or fusion.matcher())
    return components(len(claims), pairs), pairs


def fuse_claims(
    events: Iterable[Event],
    copies: Copies | None = None,
    sources: Mapping[str, str | None] | None = None,
    fusion: Fusion | None = None,
) -> list[FusedEvent]:
    """Fused events from claims of many documents, by date then fused id.

    ``copies`` folds copied articles into their originals; ``sources`` gives each document's
    outlet (for originals that have no claim of their own).
    """
    fusion = fusion or Fusion.default()
    claims = make_claims(events, copies)
    groups, pairs = claim_components(claims, fusion)
    return fuse_groups(claims, groups, pairs, fusion, sources or {})


def fuse_groups(
    claims: Sequence[Claim],
    groups: Iterable[Sequence[int]],
    pairs: Mapping[tuple[int, int], int],
    fusion: Fusion,
    sources: Mapping[str, str | None],
) -> list[FusedEvent]:
    """Split each component into events and fuse them."""
    fused = []
    adjacent = neighbours(pairs)
    for group in groups:
        for event in split_component(claims, group, pairs, adjacent):
            members = [claims[i] for i in event]
            fused.append(fuse_event(members, fusion.rules, fusion.outlets, sources))
    fused.sort(key=lambda f: (f.event_date or date.max, f.fused_id))
    return fused
