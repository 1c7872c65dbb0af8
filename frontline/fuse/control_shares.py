"""Containment and shares: which places lie inside a named one, and who holds how much of it.

>>> area = find_area(gazetteer, "Aleppo", periods)  # doctest: +SKIP
>>> shares = control_shares(gazetteer, area, holders_on(periods, day), day)  # doctest: +SKIP

A place lies inside another when the gazetteer says so (a neighbourhood's city, a village's
governorate, a point inside a polygon), or, for a place the gazetteer could not resolve, when
its recorded ``within`` names it. Shares are counted two ways: over the places inside with a
known holder on the day, and — when the gazetteer knows the named place's neighbourhoods — over
all of them, with ``unknown`` as its own share; each both by count and by polygon area.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from frontline.geo.gazetteer import Entry, Gazetteer
from frontline.geo.normalize import fold
from frontline.records import ControlPeriod

UNKNOWN = "unknown"
NEIGHBOURHOOD = "neighbourhood"
_KIND_ORDER = ("city", "town", "village", "neighbourhood", "landmark", "subdistrict", "district")
_KM_PER_DEGREE = 111.32


@dataclass(frozen=True, slots=True)
class Share:
    """One faction's part: ``places`` counted, their ``area_km2``, and both as fractions."""

    faction: str
    places: int
    count_share: float
    area_km2: float | None
    area_share: float | None


@dataclass(frozen=True, slots=True)
class ControlShares:
    """Who holds how much of ``place`` on ``on``.

    ``known`` counts over the places inside with a known holder; ``overall`` counts over all
    the neighbourhoods the gazetteer knows inside the place (``unknown`` included), and is
    empty when it knows none. ``total`` is the number of those neighbourhoods.
    """

    place: str
    on: date
    known: tuple[Share, ...]
    overall: tuple[Share, ...]
    total: int


def find_area(gaz: Gazetteer, name: str, periods: Sequence[ControlPeriod]) -> Entry | None:
    """The gazetteer entry a user means by ``name``: among those holding a place with a
    period, a city before a governorate (the smallest kind), then the one holding most, then
    the most populous; None when the gazetteer has no such name."""
    candidates = gaz.candidates(name)
    strict = [c.entry for c in candidates if c.strict and not c.weak]
    entries = strict or [c.entry for c in candidates if not c.weak]
    if not entries:
        return None

    def rank(entry: Entry) -> tuple[bool, int, int, int]:
        held = sum(1 for p in periods if lies_within(gaz, entry, p))
        kind = _KIND_ORDER.index(entry.kind) if entry.kind in _KIND_ORDER else len(_KIND_ORDER)
        return (held == 0, kind, -held, -entry.population)

    return min(entries, key=rank)


def lies_within(gaz: Gazetteer, outer: Entry, period: ControlPeriod) -> bool:
    """Whether the period's place is ``outer`` or lies inside it."""
    if period.gazetteer_id:
        return gaz.contains(outer.id, period.gazetteer_id)
    names = {fold(n) for n in (outer.name, *outer.names)}
    return fold(period.within or "") in names or fold(period.place) in names


def periods_within(
    gaz: Gazetteer, outer: Entry, periods: Iterable[ControlPeriod]
) -> list[ControlPeriod]:
    """The periods of ``outer`` and of every place inside it."""
    return [p for p in periods if lies_within(gaz, outer, p)]


def neighbourhoods(gaz: Gazetteer, outer: Entry) -> list[Entry]:
    """The gazetteer's neighbourhoods inside ``outer``."""
    return [e for e in gaz if e.kind == NEIGHBOURHOOD and gaz.contains(outer.id, e.id)]


def control_shares(
    gaz: Gazetteer, outer: Entry, holders: Sequence[ControlPeriod], on: date
) -> ControlShares:
    """Shares per faction of the places inside ``outer`` (``holders``: one period per place,
    as :func:`frontline.fuse.control.holders_on` gives them)."""
    inside = [p for p in holders if lies_within(gaz, outer, p) and p.gazetteer_id != outer.id]
    known = _shares([(p.faction, p.gazetteer_id) for p in inside], gaz)
    hoods = neighbourhoods(gaz, outer)
    overall: tuple[Share, ...] = ()
    if hoods:
        held = {p.gazetteer_id: p.faction for p in inside if p.gazetteer_id}
        overall = _shares([(held.get(e.id, UNKNOWN), e.id) for e in hoods], gaz)
    return ControlShares(outer.name, on, known, overall, len(hoods))


def _shares(units: Sequence[tuple[str, str | None]], gaz: Gazetteer) -> tuple[Share, ...]:
    counts: dict[str, int] = {}
    areas: dict[str, float] = {}
    for faction, entry_id in units:
        counts[faction] = counts.get(faction, 0) + 1
        area = _area_km2(gaz, entry_id)
        if area is not None:
            areas[faction] = areas.get(faction, 0.0) + area
    total_count, total_area = sum(counts.values()), sum(areas.values())
    shares = [
        Share(
            faction,
            n,
            round(n / total_count, 3),
            round(areas[faction], 3) if faction in areas else None,
            round(areas.get(faction, 0.0) / total_area, 3) if total_area else None,
        )
        for faction, n in counts.items()
    ]
    return tuple(sorted(shares, key=lambda s: (s.faction == UNKNOWN, -s.places, s.faction)))


def _area_km2(gaz: Gazetteer, entry_id: str | None) -> float | None:
    """A polygon's area in km² (degrees scaled at its own latitude; fine at city scale)."""
    shape = gaz.polygon(entry_id) if entry_id else None
    if shape is None or shape.is_empty:
        return None
    scale = _KM_PER_DEGREE**2 * math.cos(math.radians(shape.centroid.y))
    return float(shape.area) * scale


def format_shares(shares: ControlShares) -> list[str]:
    """Plain lines for people: the shares over known places, then over all neighbourhoods."""
    lines = []
    if shares.known:
        n = sum(s.places for s in shares.known)
        lines.append(f"of the {n} places inside {shares.place} with a known holder on {shares.on}:")
        lines.append("  " + "; ".join(_share_text(s) for s in shares.known))
    if shares.overall:
        lines.append(f"of all {shares.total} neighbourhoods of {shares.place} (polygons):")
        lines.append("  " + "; ".join(_share_text(s) for s in shares.overall))
    return lines


def _share_text(share: Share) -> str:
    text = f"{share.faction} {share.places} ({share.count_share:.0%} by count"
    if share.area_share is not None:
        text += f", {share.area_share:.0%} by area"
    return text + ")"
