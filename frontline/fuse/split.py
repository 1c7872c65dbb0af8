"""Splitting one connected component of the compatibility graph into events.

Three passes, each deterministic:

1. *Specific* claims (:func:`frontline.fuse.cluster.is_specific`: a firmly resolved place, the
   day or week known), most specific first and, among those as specific, the best supported
   (compatible with the most claims of the component) first, found the events: a claim joins
   the event it is compatible with for at least half of the members, agreeing best; a claim
   that only *contains* the places of several candidate events stays alone rather than being
   forced into one.
2. *Vague* claims (a governorate, a city named like its governorate, a place "near" another,
   only the month known) attach to an event of the first pass when it is the single event
   they fit (compatible with at least half its specific members, and with at least half of
   all its members so far, so that two vague claims of different known days do not meet
   through one claim dated only to the week; loose dates allowed), and that agree with its
   specific members on what they state: a toll within the toll factor of one of theirs, if
   both state any; an attacker one of them names or leaves unknown; the kind of happening
   (``fusion.toml``'s ``vague_kind``). When
   several fit, the candidates are narrowed by the same place name, then the same death toll,
   then the same sub-type, the same day; a claim still torn between events stays out. An
   event whose specific reports are mostly dated more than a day after the claim is not a
   candidate: a report does not tell what happened days later.
3. The vague claims left over group among themselves, a claim joining an event only when it
   is compatible with every member (no specific member anchors the place: "south of Deir
   Ezzor", a city named like its governorate, agrees with Abu Kamal and Mayadeen, which do not
   agree with each other), and when they share the day or the toll and tell the same kind of
   happening. Two reports dated to the week by articles a day apart share the day; two
   claims that both know their day must tell the same one.

In every pass a claim that knows its day joins an event only when at least half of the
event's members that know theirs lie within the day slack of it: reports dated only to the
week of a strike must not carry in a toll of another known day ("since Thursday, 44 killed").
A claim that does not know its day joins no event most of whose day-known members are dated
more than the day slack after it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from frontline.fuse.cluster import Claim
from frontline.fuse.graph import Graph, Placement
from frontline.fuse.rules import FusionRules, default_rules
from frontline.records import Event

SALIENCE = 3


def _specificity(claim: Claim) -> tuple[int, int, int, str]:
    place = claim.event.place
    precision = place.geo_precision if place and place.geo_precision else 9
    return (precision, claim.event.time_precision, claim.day, claim.event_id)


def _support(graph: Graph, members: Sequence[int]) -> dict[int, int]:
    """How many claims of the component each claim is compatible with."""
    whole = graph.placement()
    for m in members:
        whole.add(m, 0)
    return {m: whole.tally(m).get(0, [0, 0])[0] for m in members}


def _order(claim: Claim, support: int) -> tuple[int, int, int, int, str]:
    """Placing order: the most specific place and date first; among claims as specific, the
    one most others agree with, so that a misdated or miscoded report does not found an event
    and push the reports it disagrees with into another; then the day and the id."""
    precision, time_precision, day, event_id = _specificity(claim)
    return (precision, time_precision, -support, day, event_id)


def _fit(tally: Sequence[int] | None, size: int, share: float = 0.5) -> float:
    """0 unless the claim is compatible with at least ``share`` (half, or all) of an event's
    ``size`` members (``tally``: see :meth:`frontline.fuse.graph.Placement.tally`); else the
    mean pair score."""
    compatible, total = tally if tally is not None else (0, 0)
    if compatible < share * size or not compatible:
        return 0.0
    return total / size


class _Days:
    """The days each event's members know, kept as claims are placed."""

    def __init__(self, claims: Sequence[Claim], rules: FusionRules) -> None:
        self._claims = claims
        self._slack = rules.slack(1, 1)
        self._rules = rules
        self._days: list[Counter[int]] = []

    def add(self, i: int, event: int) -> None:
        while len(self._days) <= event:
            self._days.append(Counter())
        if _knows_day(self._claims[i]):
            self._days[event][self._claims[i].day] += 1

    def agree(self, i: int, event: int) -> bool:
        """A claim that knows its day: at least half of the event's members that know theirs
        lie within the day slack of it (week- or month-precise members do not carry it in).
        A claim that does not: at most half of them lie more than the day slack after it (a
        report does not tell what happened days later), and, when it is dated to the week (by
        its article), at most half of them more than ``[week_report] days_after`` before it,
        unless its sub-type is told for weeks (the second batch of evacuees leaving Madaya, in
        an article of the 19th, is not the first of the 14th)."""
        claim = self._claims[i]
        days = self._days[event]
        if not days:
            return True
        if not _knows_day(claim):  # a report does not tell what happened days after it
            later = sum(n for day, n in days.items() if day > claim.day + self._slack)
            return 2 * later <= days.total() and not self._long_before(claim, days)
        near = range(claim.day - self._slack, claim.day + self._slack + 1)
        return 2 * sum(days[d] for d in near) >= days.total()

    def _long_before(self, claim: Claim, days: Counter[int]) -> bool:
        """Whether most of an event's known days lie too long before a claim dated to the week
        by its article for the article to be reporting it."""
        event = claim.event
        if event.time_precision != 2 or self._rules.sub_slack(event.sub_event_type):
            return False
        since = claim.day - self._rules.week_report_days
        return 2 * sum(n for day, n in days.items() if day < since) > days.total()


class _Founders:
    """What the specific members of each first-pass event say: who attacked, what kind of
    happening, what toll. A vague claim must agree with them on each it states."""

    def __init__(
        self, claims: Sequence[Claim], events: Sequence[Sequence[int]], rules: FusionRules
    ) -> None:
        self._claims = claims
        self._rules = rules
        said = [[claims[m].event for m in event] for event in events]
        self._attackers = [{e.actor1 for e in event} for event in said]
        self._kinds = [{rules.kind(e.sub_event_type) for e in event} for event in said]
        self._tolls = [{e.fatalities for e in event if e.fatalities is not None} for event in said]

    def admit(self, i: int, event: int) -> bool:
        claim = self._claims[i].event
        if self._rules.kind(claim.sub_event_type) not in self._kinds[event]:
            return False
        return self._attacker_fits(claim, self._attackers[event]) and self._toll_fits(
            claim.fatalities, self._tolls[event]
        )

    @staticmethod
    def _attacker_fits(claim: Event, attackers: set[str | None]) -> bool:
        """An attacker named by a specific member or left unknown by one (a province-wide toll
        of coalition strikes is not the Russian strike of that week). Battles are left alone:
        their sides swap."""
        if claim.actor1 is None or claim.event_type == "Battles":
            return True
        return claim.actor1 in attackers or None in attackers

    def _toll_fits(self, toll: int | None, tolls: set[int]) -> bool:
        """No toll stated on either side, or one within the toll factor (a toll rises as bodies
        are found, but 60 in a day is not the strike of 14)."""
        if toll is None or not tolls:
            return True
        factor = self._rules.toll_factor
        return any(t <= toll * factor and toll <= t * factor for t in tolls)


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
    support = _support(graph, members)
    ordered = sorted(members, key=lambda m: _order(claims[m], support[m]))
    events: list[list[int]] = []
    of = graph.placement()
    rules = rules or default_rules()
    days = _Days(claims, rules)
    _found(claims, [m for m in ordered if claims[m].core], of, (events, days))
    specific = [tuple(event) for event in events]
    founders = _Founders(claims, specific, rules)
    so_far = of.copy()  # the vague claims attached so far included
    left = []

    def fits(i: int) -> list[int]:
        first, every = of.tally(i, loose=True), so_far.tally(i, loose=True)
        return [
            k
            for k in sorted(first)
            if _fit(first.get(k), len(specific[k])) > 0
            and _fit(every.get(k), len(events[k])) > 0
            and days.agree(i, k)
            and founders.admit(i, k)
            and not _later(claims, claims[i], specific[k])
        ]

    twins = _twins(claims, [m for m in ordered if not claims[m].core])
    placed: dict[int, int | None] = {}  # vague claims seen so far: their event, or None
    for i in (m for m in ordered if not claims[m].core):
        fitting = fits(i)
        for j in twins.get(i, ()):
            if j not in placed:  # its twin must fit the event too
                fitting = [k for k in fitting if k in fits(j)]
            else:  # with its twin's event, or (the twin left over) with none
                fitting = [k for k in fitting if k == placed[j]]
        chosen = _choose(claims, i, fitting, specific)
        placed[i] = chosen
        if chosen is None:
            left.append(i)
        else:
            events[chosen].append(i)
            days.add(i, chosen)
            so_far.add(i, chosen)
    _found(claims, left, graph.keeping(_alike(rules)).placement(), (events, days), 1.0)
    return events


def _twins(claims: Sequence[Claim], vague: Sequence[int]) -> dict[int, list[int]]:
    """The vague claims of other documents that tell the same report as each vague claim: the
    same sub-type, place, day and death toll ("Air strikes by Syrian regime on a rebel-held
    region near Damascus killed at least 22 civilians" and "At least 22 civilians have been
    killed by Syrian regime airstrikes on the outskirts of Damascus", both of 3 April). Such
    reports are one event: a claim attaches only to an event its twins fit too, else they
    stay together among the claims left over."""
    told: dict[tuple[object, ...], list[int]] = {}
    for m in vague:
        e = claims[m].event
        if e.fatalities is not None:
            key = (e.sub_event_type, claims[m].place_key, claims[m].day, e.fatalities)
            told.setdefault(key, []).append(m)
    found: dict[int, list[int]] = {}
    for same in told.values():
        for m in same:
            others = [j for j in same if claims[j].event.doc_id != claims[m].event.doc_id]
            if others:
                found[m] = others
    return found


def _alike(rules: FusionRules) -> Callable[[Claim, Claim], bool]:
    """Two vague claims left over tell one event only when they also share the day or the
    toll, and tell the same kind of happening (``vague_kind``: a bombing summed up on the
    day of a shelling is not the shelling). Days a day apart are shared unless both claims
    know theirs: a week-precise date is its article's, and "the last remaining opposition
    stronghold near Damascus" is told by articles of the 3rd and the 4th, but the mortars of
    Saturday are not the shelling of Sunday."""

    def alike(a: Claim, b: Claim) -> bool:
        fatalities = a.event.fatalities
        near = a.day == b.day or (abs(a.day - b.day) <= 1 and not (_knows_day(a) and _knows_day(b)))
        shared = near or (fatalities is not None and fatalities == b.event.fatalities)
        return shared and rules.kind(a.event.sub_event_type) == rules.kind(b.event.sub_event_type)

    return alike


def _found(
    claims: Sequence[Claim],
    order: Sequence[int],
    of: Placement,
    grouped: tuple[list[list[int]], _Days],
    share: float = 0.5,
) -> None:
    """Group ``order`` into new events appended to ``grouped``'s (``of``: claim → event;
    ``share``: of an event's members a claim must be compatible with to join it)."""
    events, days = grouped
    for i in order:
        tally = of.tally(i)
        fitting = [
            (k, score)
            for k in sorted(tally)
            if (score := _fit(tally.get(k), len(events[k]), share)) > 0 and days.agree(i, k)
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
        days.add(i, best)
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


def _later(claims: Sequence[Claim], claim: Claim, members: Sequence[int]) -> bool:
    """Whether most of an event's ``members`` are dated more than a day after ``claim``: "the
    attack was likely carried out by government warplanes", in an article of 5 April, is not
    the US strike of the 7th that the extractor placed at the same town (one of its reports
    misread as of the 4th)."""
    return 2 * sum(claims[m].day > claim.day + 1 for m in members) > len(members)


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
