"""Which claims report the same real-world event.

Two claims are *compatible* when they have the same event type (sub-types join within the
groups of ``fusion.toml``), places that agree (the same gazetteer entry or folded name, one
inside the other, or close when either is not firmly resolved), dates within the slack of
their precision, actors that do not conflict (an unknown actor agrees with any), and no
toll that falls by more than the toll factor days later (tolls are revised upwards). Claims
of one document join only when they tell one happening at one place and day (a headline and
its body; the gas and the barrel bombs that carried it, told in two sentences).

Compatible pairs are found by blocking (event type, governorate, a sliding date window), so
the work grows with the number of claims, not its square. The connected components of the
compatibility graph are then split into events by a deterministic complete-linkage pass:
every member of an event is compatible with every other. The result depends only on each
component's claims, which is what lets :mod:`frontline.fuse.update` re-fuse only the
components new documents touch.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
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
    core: bool = True
    names_province: bool = False

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
        province = _names_province(event.place)
        claims.append(Claim(event, origin, day, key, is_specific(event), province))
    return claims


def _names_province(place: Place | None) -> bool:
    """A city named like its governorate ("Idlib", "Aleppo"): the press uses the name for
    either."""
    return bool(place and place.admin1 and fold(place.name) == fold(place.admin1))


def is_specific(event: Event) -> bool:
    """A claim that pins its event down: the day or week known, a place resolved to itself
    (not "near", not a governorate, not a city named like its governorate, which the press
    uses for either). A name the gazetteer holds more than once, read as the likeliest of its
    namesakes ("Tall Tawil", "Maghayir"), is still a place: its reports found the event there
    as others do. Other claims are *vague*: they only attach to an event."""
    place = event.place
    return (
        place is not None
        and event.time_precision <= 2
        and place.geo_precision == 1
        and place.status in _PLACED
        and not _names_province(place)
    )


_PLACED = frozenset({GeoStatus.RESOLVED, GeoStatus.AMBIGUOUS})


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

    def relation(self, one: Claim, other: Claim) -> int:
        """2 the same place, 1 one inside (or near) the other, 0 different places."""
        left, right = one.event.place, other.event.place
        assert left is not None and right is not None
        if one.place_key and one.place_key == other.place_key:
            return 2
        if left.gazetteer_id and left.gazetteer_id == right.gazetteer_id:
            # an unresolved place carries the entry of the place that holds it, under its own
            # name: "Wadi al-Mesk" and "Jazal", both kept at Homs, are two places in it
            return 1 if left.status == right.status == GeoStatus.UNRESOLVED else 2
        if left.gazetteer_id and right.gazetteer_id:
            if (one.names_province or other.names_province) and left.admin1 == right.admin1:
                return 1
            if _far_apart(left, right):
                return 0
            if self.contains(left.gazetteer_id, right.gazetteer_id) or self.contains(
                right.gazetteer_id, left.gazetteer_id
            ):
                return 1
            if left.status == right.status == GeoStatus.RESOLVED:
                return 0
        return 1 if _within(left, right, self._same_km) else 0


_POINT_KINDS = frozenset({"city", "town", "village", "neighbourhood", "facility", "landmark"})
_FAR_KM = 60.0
_KM_PER_DEGREE = 111.2  # a degree of latitude; a degree of longitude is never longer


def _within(left: Place, right: Place, limit: float) -> bool:
    """Whether two places with coordinates lie within ``limit`` km of each other."""
    if left.latitude is None or left.longitude is None:
        return False
    if right.latitude is None or right.longitude is None:
        return False
    if abs(left.latitude - right.latitude) * _KM_PER_DEGREE > limit:
        return False
    return km(left.latitude, left.longitude, right.latitude, right.longitude) <= limit


def _far_apart(left: Place, right: Place) -> bool:
    """Two settlements or smaller places so far apart that neither can contain the other."""
    if left.feature not in _POINT_KINDS or right.feature not in _POINT_KINDS:
        return False
    if None in (left.latitude, left.longitude, right.latitude, right.longitude):
        return False
    return not _within(left, right, _FAR_KM)


def actors_agree(left: Event, right: Event, rules: FusionRules | None = None) -> bool:
    """No conflict: at least one side agrees or is unknown (swapped sides count for battles);
    attackers the press confuses (``rules``: "Syrian or Russian jets") agree."""

    def side(a: str | None, b: str | None) -> bool:
        return a is None or b is None or a == b

    attacker = side(left.actor1, right.actor1) or (
        rules is not None and rules.same_attacker(left.actor1, right.actor1)
    )
    straight = attacker or side(left.actor2, right.actor2)
    swapped = left.event_type == "Battles" and (
        side(left.actor1, right.actor2) and side(left.actor2, right.actor1)
    )
    return straight or swapped


def compatible(left: Claim, right: Claim, rules: FusionRules, places: PlaceMatcher) -> int:
    """0 when the claims cannot report one event; else a score, higher the closer they agree.

    The score is negative for a *loose* pair: dates further apart than their precisions allow,
    but the later claim is vague and dated within ``attach_slack`` after the other (a report of
    "the recent attack" dated by its article). A loose pair may only attach the vague claim to
    an event, never found one."""
    a, b = left.event, right.event
    if a.event_type != b.event_type or not rules.subtypes_join(a.sub_event_type, b.sub_event_type):
        return 0
    if left.day == _UNDATED or right.day == _UNDATED or a.place is None or b.place is None:
        return 0
    gap = abs(left.day - right.day)
    loose = gap > _slack(a, b, rules)
    if loose:
        later = left if left.day > right.day else right
        if later.core or gap > rules.attach_slack(later.event.time_precision):
            return 0
    if not actors_agree(a, b, rules):
        return 0
    if _toll_falls(left, right, rules):
        return 0
    same_doc = a.doc_id == b.doc_id
    if same_doc and not _same_day(a, left.day, b, right.day):  # one article: one day, one place
        return 0
    relation = places.relation(left, right)
    if relation == 0 or (same_doc and relation != 2 and not _lede(left, right, places)):
        return 0  # one article: the same place, or its lede's city and the body's quarter
    score = 1 + relation + _agreement(left, right)
    return -score if loose else score


def _same_day(a: Event, day_a: int, b: Event, day_b: int) -> bool:
    """Whether two claims of one article tell one day: the same date; or, for two of one
    sub-type, a claim dated only to the week (by its article) after the day the other knows,
    within the week ("Hundreds of people protested ... on Friday", then "the protesters
    chanted", dated to the article)."""
    if day_a == day_b:
        return True
    if a.sub_event_type != b.sub_event_type:
        return False
    if (a.time_precision, b.time_precision) == (1, 2):
        return 0 < day_b - day_a <= 7
    if (a.time_precision, b.time_precision) == (2, 1):
        return 0 < day_a - day_b <= 7
    return False


def _lede(left: Claim, right: Claim, places: PlaceMatcher) -> bool:
    """Whether two claims of one article, told at places one inside the other, are its lede
    and its body: one at a city itself (not "near" it), the other at a quarter, facility or
    landmark of that city, and no two different tolls ("Two suicide bombers attacked a police
    station in Damascus ... killing 17", then "the police station in the Midan district")."""
    a, b = left.event, right.event
    if a.fatalities is not None and b.fatalities is not None and a.fatalities != b.fatalities:
        return False
    for outer, inner in ((a.place, b.place), (b.place, a.place)):
        assert outer is not None and inner is not None
        if (
            outer.feature in _CITY_KINDS
            and outer.geo_precision == 1
            and inner.feature in _INNER_KINDS
            and outer.gazetteer_id
            and inner.gazetteer_id
            and places.contains(outer.gazetteer_id, inner.gazetteer_id)
        ):
            return True
    return False


_CITY_KINDS = frozenset({"city", "town"})
_INNER_KINDS = frozenset({"neighbourhood", "facility", "landmark"})


def _toll_falls(left: Claim, right: Claim, rules: FusionRules) -> bool:
    """Whether the later claim, dated days after the other, gives a toll below the other's by
    more than the toll factor: a toll is revised upwards as bodies are found ("28 killed",
    then "57"), so 11 killed in al-Bab on the 16th is not the 57 of the 12th. Reports of one
    day or the next differ either way (sources disagree) and are left alone."""
    earlier, later = (left, right) if left.day <= right.day else (right, left)
    if later.day - earlier.day <= 1:
        return False
    before, after = earlier.event.fatalities, later.event.fatalities
    return before is not None and after is not None and after * rules.toll_factor < before


def _slack(a: Event, b: Event, rules: FusionRules) -> int:
    """Days the two claims' dates may lie apart: by the looser precision, or, for two claims
    of a sub-type told for weeks after (a chemical attack), one of them not knowing its day,
    that sub-type's slack."""
    slack = rules.slack(a.time_precision, b.time_precision)
    if a.sub_event_type == b.sub_event_type and max(a.time_precision, b.time_precision) > 1:
        return max(slack, rules.sub_slack(a.sub_event_type))
    return slack


def _agreement(left: Claim, right: Claim) -> int:
    a, b = left.event, right.event
    score = int(left.day == right.day) + int(a.sub_event_type == b.sub_event_type)
    score += int(a.actor1 is not None and a.actor1 == b.actor1)
    return score + int(a.actor2 is not None and a.actor2 == b.actor2)


def compatible_pairs(
    claims: Sequence[Claim], rules: FusionRules, places: PlaceMatcher
) -> dict[tuple[int, int], int]:
    """Scores of the compatible pairs (i < j; negative: loose), compared only within a block
    (event type and governorate) and, by date precision, within the date slack of the two
    (the attach slack when the later claim is vague).

    A score depends only on what the two claims say (their *signatures*) and whether they come
    from one document, so it is worked out once per pair of signatures: a story republished
    many times, or a siege reported daily, costs a lookup per further pair."""
    return scored_pairs(claims, rules, _Scorer(claims, rules, places))


def scored_pairs(
    claims: Sequence[Claim], rules: FusionRules, scorer: Callable[[int, int], int]
) -> dict[tuple[int, int], int]:
    """The non-zero ``scorer(i, j)`` of the pairs (i < j) that blocking compares: one event
    type and governorate, dates within the slack of their precisions (see
    :func:`compatible_pairs`), or of their sub-type when it is told for weeks."""
    blocks: dict[tuple[str, str], dict[_Group, dict[int, list[int]]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(list))
    )
    for i, claim in enumerate(claims):
        if claim.day != _UNDATED and claim.event.place is not None:
            sub_type = claim.event.sub_event_type
            told = sub_type if rules.sub_slack(sub_type) else ""
            group = (claim.event.time_precision, claim.core, told)
            blocks[claim.block][group][claim.day].append(i)
    pairs: dict[tuple[int, int], int] = {}
    for groups in blocks.values():
        reaches = _reaches(groups, rules)
        for (precision, _, told), by_day in groups.items():
            for day, members in by_day.items():
                for i in members:
                    _pairs_of(i, day, reaches[(precision, told)], scorer, pairs)
    return pairs


def signature(claim: Claim) -> tuple[object, ...]:
    """All that :func:`compatible` reads of a claim, its document aside."""
    e = claim.event
    return (
        e.event_type,
        e.sub_event_type,
        claim.day,
        e.time_precision,
        claim.core,
        e.actor1,
        e.actor2,
        e.place,
        claim.place_key,
        claim.names_province,
        e.fatalities,
    )


class _Scorer:
    """:func:`compatible` of two claims, remembered by their signatures and same document."""

    def __init__(self, claims: Sequence[Claim], rules: FusionRules, places: PlaceMatcher) -> None:
        self._claims = claims
        self._rules = rules
        self._places = places
        ids: dict[tuple[object, ...], int] = {}
        self._sig = [ids.setdefault(signature(c), len(ids)) for c in claims]
        self._shared = [False] * len(ids)  # a signature of several claims
        seen = [False] * len(ids)
        for sig in self._sig:
            self._shared[sig] = seen[sig]
            seen[sig] = True
        self._doc = [c.event.doc_id for c in claims]
        self._known: dict[tuple[int, int, bool], int] = {}

    def __call__(self, i: int, j: int) -> int:
        si, sj = self._sig[i], self._sig[j]
        if not (self._shared[si] or self._shared[sj]):  # this pair of signatures never recurs
            return compatible(self._claims[i], self._claims[j], self._rules, self._places)
        key = (si, sj, self._doc[i] == self._doc[j])
        score = self._known.get(key)
        if score is None:
            score = compatible(self._claims[i], self._claims[j], self._rules, self._places)
            self._known[key] = score
        return score


_Group = tuple[int, bool, str]  # date precision, specific, sub-type told for weeks (or "")


def _reaches(
    groups: Mapping[_Group, Mapping[int, list[int]]], rules: FusionRules
) -> dict[tuple[int, str], list[tuple[int, Mapping[int, list[int]]]]]:
    """For each date precision (and sub-type told for weeks) of a block, the days ahead to
    look in each of its groups."""
    found: dict[tuple[int, str], list[tuple[int, Mapping[int, list[int]]]]] = {}
    for precision, _, told in groups:
        if (precision, told) in found:
            continue
        reaches = found[(precision, told)] = []
        for (other, core, other_told), by_day in groups.items():
            reach = rules.slack(precision, other)
            if not core:
                reach = max(reach, rules.attach_slack(other))
            if told and told == other_told and max(precision, other) > 1:
                reach = max(reach, rules.sub_slack(told))
            reaches.append((reach, by_day))
    return found


def _pairs_of(
    i: int,
    day: int,
    reaches: Sequence[tuple[int, Mapping[int, list[int]]]],
    scorer: Callable[[int, int], int],
    pairs: dict[tuple[int, int], int],
) -> None:
    """Compare claim ``i`` with the later (or same-day, higher-index) claims of its block."""
    for reach, by_day in reaches:
        for later in range(day, day + reach + 1):
            for j in by_day.get(later, ()):
                if later == day and j <= i:
                    continue
                score = scorer(i, j)
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


def neighbours(pairs: Iterable[tuple[int, int]]) -> dict[int, set[int]]:
    """Each claim's compatible claims."""
    found: dict[int, set[int]] = defaultdict(set)
    for i, j in pairs:
        found[i].add(j)
        found[j].add(i)
    return found
