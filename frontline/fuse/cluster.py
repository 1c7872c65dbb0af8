"""Which claims report the same real-world event.

Two claims are *compatible* when they have the same event type (sub-types join within the
groups of ``fusion.toml``), places that agree (the same gazetteer entry or folded name, one
inside the other, or close when either is not firmly resolved), dates within the slack of
their precision, and actors that do not conflict (an unknown actor agrees with any). Claims
of one document join only when they say the same thing twice (a headline and its body).

Compatible pairs are found by blocking (event type, governorate, a sliding date window), so
the work grows with the number of claims, not its square. The connected components of the
compatibility graph are then split into events by a deterministic complete-linkage pass:
every member of an event is compatible with every other. The result depends only on each
component's claims, which is what lets :mod:`frontline.fuse.update` re-fuse only the
components new documents touch.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from frontline.fuse.copies import Copies
from frontline.fuse.rules import FusionRules
from frontline.geo import Gazetteer, fold
from frontline.geo.build import km
from frontline.records import Event, GeoStatus, Place

_UNDATED = -1


@dataclass(frozen=True, slots=True)
class Claim:
    """An event claim with what fusion needs precomputed: its origin document (copies folded),
    its day number and its place key."""

    event: Event
    origin: str
    day: int
    place_key: str

    @property
    def event_id(self) -> str:
        return self.event.event_id

    @property
    def block(self) -> tuple[str, str]:
        place = self.event.place
        return (self.event.event_type, fold(place.admin1) if place and place.admin1 else "")


def make_claims(events: Iterable[Event], copies: Copies | None = None) -> list[Claim]:
    """Claims in event-id order, each with the document it really comes from."""
    claims = []
    for event in sorted(events, key=lambda e: e.event_id):
        origin = (
            copies.origin(event.doc_id, event.evidence.start, event.evidence.end)
            if copies is not None
            else event.doc_id
        )
        day = event.event_date.toordinal() if event.event_date else _UNDATED
        key = fold(event.place.name) if event.place is not None else ""
        claims.append(Claim(event, origin, day, key))
    return claims


class PlaceMatcher:
    """Whether two places agree; containment answers are kept for the matcher's life."""

    def __init__(self, gazetteer: Gazetteer, same_km: float) -> None:
        self._gazetteer = gazetteer
        self._same_km = same_km
        self._contains: dict[tuple[str, str], bool] = {}

    def contains(self, outer: str, inner: str) -> bool:
        key = (outer, inner)
        found = self._contains.get(key)
        if found is None:
            found = self._gazetteer.contains(outer, inner)
            self._contains[key] = found
        return found

    def relation(self, left: Place, right: Place, left_key: str, right_key: str) -> int:
        """2 the same place, 1 one inside (or near) the other, 0 different places."""
        if (left.gazetteer_id and left.gazetteer_id == right.gazetteer_id) or (
            left_key and left_key == right_key
        ):
            return 2
        if left.gazetteer_id and right.gazetteer_id:
            if self.contains(left.gazetteer_id, right.gazetteer_id) or self.contains(
                right.gazetteer_id, left.gazetteer_id
            ):
                return 1
            if _province_name(left, right) or _province_name(right, left):
                return 1
            if _far_apart(left, right):
                return 0
            if left.status == right.status == GeoStatus.RESOLVED:
                return 0
        return 1 if self._near(left, right) else 0

    def _near(self, left: Place, right: Place) -> bool:
        if None in (left.latitude, left.longitude, right.latitude, right.longitude):
            return False
        distance = km(left.latitude, left.longitude, right.latitude, right.longitude)  # type: ignore[arg-type]
        return distance <= self._same_km


_POINT_KINDS = frozenset({"city", "town", "village", "neighbourhood", "facility", "landmark"})
_FAR_KM = 60.0


def _far_apart(left: Place, right: Place) -> bool:
    """Two settlements or smaller places so far apart that neither can contain the other."""
    if left.feature not in _POINT_KINDS or right.feature not in _POINT_KINDS:
        return False
    if None in (left.latitude, left.longitude, right.latitude, right.longitude):
        return False
    distance = km(left.latitude, left.longitude, right.latitude, right.longitude)  # type: ignore[arg-type]
    return distance > _FAR_KM


def _province_name(outer: Place, inner: Place) -> bool:
    """A city named like its governorate ("Idlib", "Aleppo") may mean the governorate: it
    agrees with any place of that governorate."""
    return bool(
        outer.admin1 and outer.admin1 == inner.admin1 and fold(outer.name) == fold(outer.admin1)
    )


def actors_agree(left: Event, right: Event) -> bool:
    """No conflict: at least one side agrees or is unknown (swapped sides count for battles)."""

    def side(a: str | None, b: str | None) -> bool:
        return a is None or b is None or a == b

    straight = side(left.actor1, right.actor1) or side(left.actor2, right.actor2)
    swapped = left.event_type == "Battles" and (
        side(left.actor1, right.actor2) and side(left.actor2, right.actor1)
    )
    return straight or swapped


def compatible(left: Claim, right: Claim, rules: FusionRules, places: PlaceMatcher) -> int:
    """0 when the claims cannot report one event; else a score, higher the closer they agree."""
    a, b = left.event, right.event
    if a.event_type != b.event_type or not rules.subtypes_join(a.sub_event_type, b.sub_event_type):
        return 0
    if left.day == _UNDATED or right.day == _UNDATED or a.place is None or b.place is None:
        return 0
    if abs(left.day - right.day) > rules.slack(a.time_precision, b.time_precision):
        return 0
    relation = places.relation(a.place, b.place, left.place_key, right.place_key)
    if relation == 0 or not actors_agree(a, b):
        return 0
    if a.doc_id == b.doc_id and not (
        relation == 2 and left.day == right.day and a.sub_event_type == b.sub_event_type
    ):
        return 0
    return 1 + relation + _agreement(left, right)


def _agreement(left: Claim, right: Claim) -> int:
    a, b = left.event, right.event
    score = int(left.day == right.day) + int(a.sub_event_type == b.sub_event_type)
    score += int(a.actor1 is not None and a.actor1 == b.actor1)
    return score + int(a.actor2 is not None and a.actor2 == b.actor2)


def compatible_pairs(
    claims: Sequence[Claim], rules: FusionRules, places: PlaceMatcher
) -> dict[tuple[int, int], int]:
    """Scores of the compatible pairs (i < j), compared only within a block (event type and
    governorate) and, by date precision, within the date slack of the two."""
    blocks: dict[tuple[str, str], dict[int, dict[int, list[int]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    for i, claim in enumerate(claims):
        if claim.day != _UNDATED and claim.event.place is not None:
            blocks[claim.block][claim.event.time_precision][claim.day].append(i)
    pairs: dict[tuple[int, int], int] = {}
    for by_precision in blocks.values():
        for precision, by_day in by_precision.items():
            for day, members in by_day.items():
                for i in members:
                    _pairs_of(i, day, precision, by_precision, claims, rules, places, pairs)
    return pairs


def _pairs_of(
    i: int,
    day: int,
    precision: int,
    by_precision: Mapping[int, Mapping[int, list[int]]],
    claims: Sequence[Claim],
    rules: FusionRules,
    places: PlaceMatcher,
    pairs: dict[tuple[int, int], int],
) -> None:
    """Compare claim ``i`` with the later (or same-day, higher-index) claims of its block."""
    for other, by_day in by_precision.items():
        for later in range(day, day + rules.slack(precision, other) + 1):
            for j in by_day.get(later, ()):
                if later == day and j <= i:
                    continue
                score = compatible(claims[i], claims[j], rules, places)
                if score:
                    pairs[(min(i, j), max(i, j))] = score


def components(count: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Connected components (lists of indices, each sorted; components by first index)."""
    root = list(range(count))

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    for i, j in pairs:
        ri, rj = find(i), find(j)
        if ri != rj:
            root[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(count):
        groups[find(i)].append(i)
    return [groups[k] for k in sorted(groups)]


def _specificity(claim: Claim) -> tuple[int, int, int, str]:
    place = claim.event.place
    precision = place.geo_precision if place and place.geo_precision else 9
    return (precision, claim.event.time_precision, claim.day, claim.event_id)


def neighbours(pairs: Iterable[tuple[int, int]]) -> dict[int, set[int]]:
    """Each claim's compatible claims."""
    found: dict[int, set[int]] = defaultdict(set)
    for i, j in pairs:
        found[i].add(j)
        found[j].add(i)
    return found


def split_component(
    claims: Sequence[Claim],
    members: Sequence[int],
    pairs: Mapping[tuple[int, int], int],
    adjacent: Mapping[int, set[int]],
) -> list[list[int]]:
    """Events of one component. The most specific claims come first and seed events; a claim
    joins the event whose seed it is compatible with (and at least half of whose members),
    agreeing best. A claim that only *contains* the seeds of several candidate events (a
    city-wide toll next to several neighbourhood attacks) is ambiguous and stays alone."""
    events: list[list[int]] = []
    seeded: dict[int, int] = {}
    for i in sorted(members, key=lambda m: _specificity(claims[m])):
        near = sorted(seeded[s] for s in adjacent.get(i, ()) if s in seeded)
        fitting = [(k, score) for k in near if (score := _fit(i, events[k], pairs)) > 0]
        if len(fitting) > 1 and all(
            claims[i].place_key != claims[events[k][0]].place_key for k, _ in fitting
        ):
            fitting = []
        if not fitting:
            seeded[i] = len(events)
            events.append([i])
            continue
        best = max(fitting, key=lambda item: (item[1], -item[0]))[0]
        events[best].append(i)
    return events


def _fit(i: int, event: Sequence[int], pairs: Mapping[tuple[int, int], int]) -> float:
    """How well claim ``i`` fits an event: 0 unless compatible with its seed and with at least
    half its members; else the mean pair score."""
    scores = [pairs.get((min(i, m), max(i, m)), 0) for m in event]
    if not scores[0] or 2 * sum(1 for s in scores if s) < len(scores):
        return 0.0
    return sum(scores) / len(scores)
