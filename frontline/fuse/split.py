"""Splitting one connected component of the compatibility graph into events.

Three passes, each deterministic:

1. *Specific* claims (:func:`frontline.fuse.cluster.is_specific`: a firmly resolved place, the
   day or week known), most specific first, found the events: a claim joins the event it is
   compatible with for at least half of the members, agreeing best; a claim that only
   *contains* the places of several candidate events stays alone rather than being forced
   into one.
2. *Vague* claims (a governorate, a city named like its governorate, a place "near" another,
   only the month known) attach to an event of the first pass when it is the single event
   they fit (compatible with at least half its specific members, and with at least half of
   all its members so far, so that two vague claims of different known days do not meet
   through one claim dated only to the week; loose dates allowed; a stated toll within the
   toll factor of one the event states, if it states any; an attacker, if named, that a
   specific member names or leaves unknown; a specific member of the same kind, see
   ``fusion.toml``'s ``vague_kind``). When
   several fit, the candidates are narrowed by the same place name, then the same death toll,
   then the same sub-type; a claim still torn between events stays out.
3. The vague claims left over group among themselves as in the first pass, when they share
   the day or the toll and tell the same kind of happening.

In every pass a claim that knows its day joins an event only when at least half of the
event's members that know theirs lie within the day slack of it: reports dated only to the
week of a strike must not carry in a toll of another known day ("since Thursday, 44 killed").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from frontline.fuse.cluster import Claim
from frontline.fuse.graph import Graph, Placement
from frontline.fuse.rules import FusionRules, default_rules

SALIENCE = 3


def _specificity(claim: Claim) -> tuple[int, int, int, str]:
    place = claim.event.place
    precision = place.geo_precision if place and place.geo_precision else 9
    return (precision, claim.event.time_precision, claim.day, claim.event_id)


def _fit(tally: Sequence[int] | None, size: int) -> float:
    """0 unless the claim is compatible with at least half of an event's ``size`` members
    (``tally``: see :meth:`frontline.fuse.graph.Placement.tally`); else the mean pair score."""
    compatible, total = tally if tally is not None else (0, 0)
    if 2 * compatible < size or not compatible:
        return 0.0
    return total / size


class _Told:
    """What each event's members tell of the day and the toll, kept as claims are placed."""

    def __init__(self, claims: Sequence[Claim], rules: FusionRules) -> None:
        self._claims = claims
        self._slack = rules.slack(1, 1)
        self._factor = rules.toll_factor
        self._days: list[Counter[int]] = []  # per event, the days its members know
        self._tolls: list[set[int]] = []  # per event, the death tolls its members state

    def add(self, i: int, event: int) -> None:
        while len(self._days) <= event:
            self._days.append(Counter())
            self._tolls.append(set())
        claim = self._claims[i]
        if _knows_day(claim):
            self._days[event][claim.day] += 1
        if claim.event.fatalities is not None:
            self._tolls[event].add(claim.event.fatalities)

    def agree(self, i: int, event: int) -> bool:
        """A claim that knows its day: at least half of the event's members that know theirs
        lie within the day slack of it (week- or month-precise members do not carry it in)."""
        claim = self._claims[i]
        days = self._days[event]
        if not _knows_day(claim) or not days:
            return True
        near = range(claim.day - self._slack, claim.day + self._slack + 1)
        return 2 * sum(days[d] for d in near) >= days.total()

    def toll_fits(self, i: int, event: int) -> bool:
        """A claim that states a toll: the event states none, or one within the toll factor
        of it (a toll rises as bodies are found, but 60 in a day is not the strike of 14)."""
        toll = self._claims[i].event.fatalities
        tolls = self._tolls[event]
        if toll is None or not tolls:
            return True
        return any(t <= toll * self._factor and toll <= t * self._factor for t in tolls)


def _attacker_fits(claim: Claim, attackers: set[str | None]) -> bool:
    """A vague claim that names who attacked attaches only to an event one of whose specific
    members names the same attacker or none (a province-wide toll of coalition strikes is not
    the Russian strike of that week). Battles are left alone: their sides swap."""
    attacker = claim.event.actor1
    if attacker is None or claim.event.event_type == "Battles":
        return True
    return attacker in attackers or None in attackers


def _knows_day(claim: Claim) -> bool:
    return claim.event.time_precision == 1


def split_component(
    claims: Sequence[Claim],
    members: Sequence[int],
    graph: Graph,
    rules: FusionRules | None = None,
) -> list[list[int]]:
    """Events (lists of claim indices) of one component; see the module's description.
    ``rules``: the day slack, toll factor and kinds (the shipped ``fusion.toml`` if not given)."""
    ordered = sorted(members, key=lambda m: _specificity(claims[m]))
    events: list[list[int]] = []
    of = graph.placement()
    rules = rules or default_rules()
    told = _Told(claims, rules)
    _found(claims, [m for m in ordered if claims[m].core], of, (events, told))
    specific = [tuple(event) for event in events]
    attackers = [{claims[m].event.actor1 for m in event} for event in events]
    kinds = [{rules.kind(claims[m].event.sub_event_type) for m in event} for event in events]
    so_far = of.copy()  # the vague claims attached so far included
    left = []
    for i in (m for m in ordered if not claims[m].core):
        first, every = of.tally(i, loose=True), so_far.tally(i, loose=True)
        fitting = [
            k
            for k in sorted(first)
            if _fit(first.get(k), len(specific[k])) > 0
            and _fit(every.get(k), len(events[k])) > 0
            and told.agree(i, k)
            and told.toll_fits(i, k)
            and _attacker_fits(claims[i], attackers[k])
            and rules.kind(claims[i].event.sub_event_type) in kinds[k]
        ]
        chosen = _choose(claims, i, fitting, specific)
        if chosen is None:
            left.append(i)
        else:
            events[chosen].append(i)
            told.add(i, chosen)
            so_far.add(i, chosen)
    _found(claims, left, graph.keeping(_alike(rules)).placement(), (events, told))
    return events


def _alike(rules: FusionRules) -> Callable[[Claim, Claim], bool]:
    """Two vague claims left over tell one event only when they also share the day or the
    toll, and tell the same kind of happening (``vague_kind``: a bombing summed up on the
    day of a shelling is not the shelling)."""

    def alike(a: Claim, b: Claim) -> bool:
        fatalities = a.event.fatalities
        shared = a.day == b.day or (fatalities is not None and fatalities == b.event.fatalities)
        return shared and rules.kind(a.event.sub_event_type) == rules.kind(b.event.sub_event_type)

    return alike


def _found(
    claims: Sequence[Claim],
    order: Sequence[int],
    of: Placement,
    grouped: tuple[list[list[int]], _Told],
) -> None:
    """Group ``order`` into new events appended to ``grouped``'s (``of``: claim → event)."""
    events, told = grouped
    for i in order:
        tally = of.tally(i)
        fitting = [
            (k, score)
            for k in sorted(tally)
            if (score := _fit(tally.get(k), len(events[k]))) > 0 and told.agree(i, k)
        ]
        if len(fitting) > 1 and all(
            claims[i].place_key != claims[events[k][0]].place_key for k, _ in fitting
        ):
            fitting = []
        if fitting:
            best = max(fitting, key=lambda item: (item[1], -item[0]))[0]
        else:
            best = len(events)
            events.append([])
        events[best].append(i)
        told.add(i, best)
        of.add(i, best)


def _choose(
    claims: Sequence[Claim], i: int, fitting: Sequence[int], events: Sequence[Sequence[int]]
) -> int | None:
    """The one event a vague claim attaches to (``events``: their specific members), or None
    when it is not clear which. Several candidates are narrowed in turn to those with a member
    of the same place name, death toll, sub-type, day; then, among those of the claim's
    sub-type, to the one far more widely reported than the others."""
    claim = claims[i]
    tests: tuple[Callable[[Claim], bool], ...] = (
        lambda c: c.place_key == claim.place_key,
        lambda c: (
            claim.event.fatalities is not None and c.event.fatalities == claim.event.fatalities
        ),
        lambda c: c.event.sub_event_type == claim.event.sub_event_type,
        lambda c: c.day == claim.day,
    )
    candidates = list(fitting)
    for test in tests:
        if len(candidates) <= 1:
            break
        candidates = [
            k for k in candidates if any(test(claims[m]) for m in events[k])
        ] or candidates
    if len(candidates) > 1 and all(
        any(claims[m].event.sub_event_type == claim.event.sub_event_type for m in events[k])
        for k in candidates
    ):
        candidates = _salient(claims, candidates, events)
    return candidates[0] if len(candidates) == 1 else None


def _salient(
    claims: Sequence[Claim], candidates: Sequence[int], events: Sequence[Sequence[int]]
) -> list[int]:
    """The candidate told by at least ``SALIENCE`` times as many documents as any other (a
    vague "the attack in Idlib on Tuesday" most likely means the attack everyone reported);
    all candidates when none stands out so."""
    told = sorted(
        ((len({claims[m].origin for m in events[k]}), k) for k in candidates), reverse=True
    )
    (top, best), (second, _) = told[0], told[1]
    return [best] if top >= SALIENCE * second else list(candidates)
