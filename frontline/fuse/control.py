"""The territorial-control timeline: who held which place, over which dates, on what evidence.

>>> periods = derive_control(claims)  # doctest: +SKIP
>>> holders_on(periods, date(2016, 11, 28))  # doctest: +SKIP

``claims`` are territory changes: :class:`frontline.records.FusedEvent` records (claims from
many documents fused into one) or raw :class:`frontline.records.Event` claims, each of which is
read as its own one-member group (:func:`as_group`). Per place (the gazetteer entry when
resolved, else the folded name) the changes are ordered by date and turned into periods:
before the first change the side that lost it held it (since unknown); each change opens a
period for the taker and closes the previous one. Denied changes move nothing (they weaken the
claims they deny); claimed ones count for less than reported ones; two sides taking the same
place on the same day both get a period, with their confidences, and the better supported one
is the holder (:func:`holders_on`). A change reported for an area (a governorate, "villages
near" a town, a city whose neighbourhoods are known) is an :class:`AreaClaim`, never the
control of every place inside it. The weights live in ``frontline/data/control.toml``.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import groupby
from pathlib import Path
from typing import Any

from frontline.errors import SetupError
from frontline.fuse.control_groups import as_group, split_group
from frontline.fuse.outlets import OutletDirectory
from frontline.geo.gazetteer import Entry, Gazetteer
from frontline.geo.normalize import fold
from frontline.records import (
    ControlPeriod,
    Event,
    FusedEvent,
    GeoStatus,
    Place,
)

WEIGHTS_FILE = Path(__file__).resolve().parent.parent / "data" / "control.toml"


@dataclass(frozen=True, slots=True)
class ControlWeights:
    """The numbers of ``frontline/data/control.toml`` (see docs/control.md)."""

    certainty: Mapping[str, float]
    time_precision: Mapping[int, float]
    geo_precision: Mapping[int, float]
    cross_camp_bonus: float
    denial_window_days: int
    denial_factor: float
    prior_holder_factor: float
    ceiling: float
    member_window_days: int
    area_kinds: frozenset[str]
    small_kinds: frozenset[str]
    retake_gap_days: int = 30

    @staticmethod
    @functools.cache
    def default() -> ControlWeights:
        """The shipped weights, read on first use and kept for the process."""
        return ControlWeights.load(WEIGHTS_FILE)

    @classmethod
    def load(cls, path: Path) -> ControlWeights:
        """Read a weights file; a missing key or a broken file is a SetupError naming it."""
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
            corroboration, places = raw["corroboration"], raw["places"]
            return cls(
                certainty={k: float(v) for k, v in raw["certainty"].items()},
                time_precision={int(k): float(v) for k, v in raw["time_precision"].items()},
                geo_precision={int(k): float(v) for k, v in raw["geo_precision"].items()},
                cross_camp_bonus=float(corroboration["cross_camp_bonus"]),
                denial_window_days=int(corroboration["denial_window_days"]),
                denial_factor=float(corroboration["denial_factor"]),
                prior_holder_factor=float(corroboration["prior_holder_factor"]),
                ceiling=float(corroboration["ceiling"]),
                member_window_days=int(corroboration.get("member_window_days", 1)),
                area_kinds=frozenset(places["area_kinds"]),
                small_kinds=frozenset(places["small_kinds"]),
                retake_gap_days=int(corroboration.get("retake_gap_days", 30)),
            )
        except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
            raise SetupError(f"cannot read the control weights {path}: {exc!r}; fix it") from exc


@dataclass(frozen=True, slots=True)
class Change:
    """One territory change at one place, with the confidence its support earns."""

    change_id: str
    place_key: str
    place: Place
    on: date
    loser: str | None
    taker: str | None
    certainty: str
    support: tuple[str, ...]  # independent source keys (outlets, or fused groups)
    confidence: float


@dataclass(frozen=True, slots=True)
class AreaClaim:
    """A change reported for an area (part of a city, a governorate): shown, never spread."""

    change_id: str
    place: str
    gazetteer_id: str | None
    on: date
    loser: str | None
    taker: str | None
    confidence: float
    within: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True, slots=True)
class Timeline:
    """What :func:`build_timeline` makes of the claims."""

    periods: tuple[ControlPeriod, ...]
    area_claims: tuple[AreaClaim, ...]


def derive_control(
    claims: Iterable[FusedEvent | Event],
    *,
    gazetteer: Gazetteer | None = None,
    weights: ControlWeights | None = None,
    members: Mapping[str, Event] | None = None,
) -> list[ControlPeriod]:
    """Control periods from territory changes, by place, then by start date."""
    found = build_timeline(claims, gazetteer=gazetteer, weights=weights, members=members)
    return list(found.periods)


def build_timeline(
    claims: Iterable[FusedEvent | Event],
    *,
    gazetteer: Gazetteer | None = None,
    weights: ControlWeights | None = None,
    members: Mapping[str, Event] | None = None,
) -> Timeline:
    """Periods and area claims from territory changes (claims without one are skipped).

    ``members``: the member claims of the fused events by id, when known; each fused event
    is then read as the changes its members state (:func:`split_group`)."""
    gaz = gazetteer or Gazetteer.default()
    w = weights or ControlWeights.default()
    outlets = OutletDirectory.default()
    groups: list[FusedEvent] = []
    for claim in claims:
        if isinstance(claim, Event):
            groups.append(as_group(claim, outlets))
        elif members:
            groups.extend(split_group(claim, members, w.member_window_days, outlets))
        else:
            groups.append(claim)
    groups = [g for g in groups if g.territory is not None and g.event_date is not None]
    is_area = area_test(gaz, w)
    changes, area_claims = [], []
    for group in groups:
        change = _change(group, w)
        if change is None:
            continue
        if is_area(change.place):
            if change.certainty != "denied":
                area_claims.append(_area_claim(change, gaz))
        else:
            changes.append(change)
    changes = _apply_denials(changes, w)
    periods: list[ControlPeriod] = []
    for _, run in groupby(sorted(changes, key=_place_order), key=lambda c: c.place_key):
        periods.extend(_place_periods(list(run), gaz, w))
    area_claims.sort(key=lambda a: (a.on, a.place, a.change_id))
    return Timeline(tuple(periods), tuple(area_claims))


def _change(group: FusedEvent, w: ControlWeights) -> Change | None:
    place, territory, on = group.place, group.territory, group.event_date
    if place is None or territory is None or on is None:
        return None
    if place.geo_precision is not None and place.geo_precision >= 3 and not _kept_by_name(place):
        return None
    base = w.certainty.get(group.certainty, 0.0)
    n = max(group.independent_sources, 1)
    confidence = 1.0 - (1.0 - base) ** n
    if len(set(group.camps)) >= 2:
        confidence = 1.0 - (1.0 - confidence) * (1.0 - w.cross_camp_bonus)
    confidence *= w.time_precision.get(group.time_precision, min(w.time_precision.values()))
    confidence *= w.geo_precision.get(min(place.geo_precision or 1, 2), 1.0)
    support = tuple(sorted(set(group.sources))) or (group.fused_id,)
    return Change(
        group.fused_id,
        place_key(place),
        place,
        on,
        territory.loser,
        territory.taker,
        group.certainty,
        support,
        min(confidence, w.ceiling),
    )


def _kept_by_name(place: Place) -> bool:
    """A place the gazetteer lacks, kept under its own name at the governorate the sentence
    names ("Tal al-Hawa and Tal-Arous in the southwestern countryside of Damascus"): a place
    of its own, not a change known only at governorate level."""
    return (
        place.status == GeoStatus.UNRESOLVED
        and place.geo_precision == 3
        and fold(place.text) == fold(place.name)
        and fold(place.name) != fold(place.admin1 or "")
    )


def place_key(place: Place) -> str:
    """A place's identity: its gazetteer entry when resolved, else its folded name."""
    if place.status == GeoStatus.RESOLVED and place.gazetteer_id:
        return place.gazetteer_id
    return "~" + fold(place.name)


def area_test(gaz: Gazetteer, w: ControlWeights | None = None) -> Callable[[Place], bool]:
    """Whether a change at a place concerns an area rather than the place as one unit: an
    admin unit, a place that holds known smaller places (a city with neighbourhoods), or any
    but a small place when only "near it or part of it" is known (geo_precision 2)."""
    w = w or ControlWeights.default()
    parents = frozenset(e.parent for e in gaz if e.parent and e.kind in w.small_kinds)

    def is_area(place: Place) -> bool:
        if _kept_by_name(place):
            return False
        entry = gaz.get(place.gazetteer_id) if place.gazetteer_id else None
        kind = entry.kind if entry is not None else place.feature
        if kind in w.area_kinds or (entry is not None and entry.id in parents):
            return True
        return (place.geo_precision or 1) >= 2 and kind not in w.small_kinds

    return is_area


def _area_claim(change: Change, gaz: Gazetteer) -> AreaClaim:
    p = change.place
    entry = gaz.get(p.gazetteer_id) if p.gazetteer_id else None
    return AreaClaim(
        change.change_id,
        p.name,
        p.gazetteer_id,
        change.on,
        change.loser,
        change.taker,
        round(change.confidence, 3),
        _within(entry, gaz),
        p.latitude,
        p.longitude,
    )


def area_dict(claim: AreaClaim) -> dict[str, Any]:
    """An area-level change as ``frontline control --format json`` prints it (``level``
    "area"; ``faction`` is the taker, ``since`` the day of the change)."""
    return {
        "level": "area",
        "place": claim.place,
        "faction": claim.taker,
        "loser": claim.loser,
        "since": claim.on.isoformat(),
        "until": None,
        "confidence": claim.confidence,
        "evidence": [claim.change_id],
        "within": claim.within,
        "gazetteer_id": claim.gazetteer_id,
        "latitude": claim.latitude,
        "longitude": claim.longitude,
    }


def _apply_denials(changes: Sequence[Change], w: ControlWeights) -> list[Change]:
    """Drop denied changes; weaken the claims they deny (same place and taker, near dates)."""
    denials = [c for c in changes if c.certainty == "denied"]
    out = []
    for change in changes:
        if change.certainty == "denied":
            continue
        denied = any(
            d.place_key == change.place_key
            and d.taker == change.taker
            and abs((d.on - change.on).days) <= w.denial_window_days
            for d in denials
        )
        out.append(
            replace(change, confidence=change.confidence * w.denial_factor) if denied else change
        )
    return out


def _place_order(change: Change) -> tuple[str, date, float, str]:
    return (change.place_key, change.on, -change.confidence, change.change_id)


def combine(changes: Iterable[Change], ceiling: float = 1.0) -> float:
    """Noisy-or over independent support: the best confidence per source key, then combined."""
    best: dict[tuple[str, ...], float] = {}
    for c in changes:
        best[c.support] = max(best.get(c.support, 0.0), c.confidence)
    doubt = 1.0
    for value in best.values():
        doubt *= 1.0 - value
    return min(1.0 - doubt, ceiling)


@dataclass(slots=True)
class _Open:
    """A period being built: the faction, its start and the changes that support it."""

    faction: str
    since: date | None
    changes: list[Change]
    confidence: float


def _place_periods(changes: list[Change], gaz: Gazetteer, w: ControlWeights) -> list[ControlPeriod]:
    """Walk one place's changes day by day; each day's best-supported taker is the holder."""
    done: list[tuple[_Open, date | None]] = []
    current: list[_Open] = _prior_holder(changes, w)
    for day, same_day in groupby(changes, key=lambda c: c.on):
        steps = _rank_takers(list(same_day), w)
        open_by = {p.faction: p for p in current}
        if steps[0][0] not in open_by:
            done.extend((period, day) for period in current)
            current, open_by = [], {}
        for taker, support in steps:
            if taker in open_by and _retaken(open_by[taker], support, day, w):
                done.append((open_by.pop(taker), day))
                current = [p for p in current if p.faction != taker]
            if taker in open_by:
                open_by[taker].changes.extend(support)
                open_by[taker].confidence = combine(open_by[taker].changes, w.ceiling)
            elif taker is not None:
                current.append(_Open(taker, day, list(support), combine(support, w.ceiling)))
        current.sort(key=lambda p: -p.confidence)
    done.extend((period, None) for period in current)
    return [_period(p, until, changes[0].place, gaz) for p, until in done]


def _retaken(period: _Open, support: list[Change], day: date, w: ControlWeights) -> bool:
    """Whether changes to the side that holds a place tell a new capture, not its hold: they
    name another side it was taken from, more than ``retake_gap_days`` after the last change
    that supports the period (Al-Qaryatayn, retaken by the army in April 2016 and again, from
    the Islamic State, in October 2017: the loss between went unreported)."""
    last = max(c.on for c in period.changes)
    return (day - last).days > w.retake_gap_days and any(
        c.loser is not None and c.loser != period.faction for c in support
    )


def _rank_takers(day: list[Change], w: ControlWeights) -> list[tuple[str | None, list[Change]]]:
    """The takers of one day's changes, best supported first."""
    by_taker: dict[str | None, list[Change]] = {}
    for change in day:
        by_taker.setdefault(change.taker, []).append(change)
    return sorted(by_taker.items(), key=lambda kv: (-combine(kv[1], w.ceiling), kv[0] or ""))


def _prior_holder(changes: list[Change], w: ControlWeights) -> list[_Open]:
    """The side that lost the place at its first change held it before (since unknown)."""
    first_day = [c for c in changes if c.on == changes[0].on]
    winner, support = _rank_takers(first_day, w)[0]
    losers = [c for c in support if c.loser and c.loser != winner]
    if not losers:
        return []
    by_loser: dict[str, list[Change]] = {}
    for c in losers:
        by_loser.setdefault(c.loser or "", []).append(c)
    loser, cs = max(by_loser.items(), key=lambda kv: (combine(kv[1]), kv[0]))
    return [_Open(loser, None, cs, combine(cs, w.ceiling) * w.prior_holder_factor)]


def _period(p: _Open, until: date | None, place: Place, gaz: Gazetteer) -> ControlPeriod:
    entry = gaz.get(place.gazetteer_id) if place.gazetteer_id else None
    return ControlPeriod(
        place=place.name,
        faction=p.faction,
        since=p.since,
        until=until,
        confidence=round(p.confidence, 3),
        evidence=tuple(dict.fromkeys(c.change_id for c in p.changes)),
        gazetteer_id=place.gazetteer_id if place.status == GeoStatus.RESOLVED else None,
        within=_within(entry, gaz),
        latitude=place.latitude,
        longitude=place.longitude,
    )


def _within(entry: Entry | None, gaz: Gazetteer) -> str | None:
    if entry is None or entry.parent is None:
        return None
    parent = gaz.get(entry.parent)
    return parent.name if parent is not None else None


def covers(period: ControlPeriod, on: date) -> bool:
    """Whether the period holds on the day (the day of a change belongs to the taker)."""
    return (period.since is None or period.since <= on) and (
        period.until is None or on < period.until
    )


def holders_on(periods: Iterable[ControlPeriod], on: date) -> list[ControlPeriod]:
    """Per place, the best-supported period that covers the day; by place name."""
    best: dict[tuple[str | None, str], ControlPeriod] = {}
    for p in periods:
        if not covers(p, on):
            continue
        key = (p.gazetteer_id, p.place)
        old = best.get(key)
        if old is None or (p.confidence, _since_order(p)) > (old.confidence, _since_order(old)):
            best[key] = p
    return sorted(best.values(), key=lambda p: (p.within or "", p.place, p.gazetteer_id or ""))


def _since_order(p: ControlPeriod) -> int:
    return p.since.toordinal() if p.since else 0


def period_dict(period: ControlPeriod) -> dict[str, Any]:
    """A period as the JSON object ``frontline control --format json`` prints."""
    return {
        "level": "place",
        "place": period.place,
        "faction": period.faction,
        "since": period.since.isoformat() if period.since else None,
        "until": period.until.isoformat() if period.until else None,
        "confidence": period.confidence,
        "evidence": list(period.evidence),
        "within": period.within,
        "gazetteer_id": period.gazetteer_id,
        "latitude": period.latitude,
        "longitude": period.longitude,
    }
