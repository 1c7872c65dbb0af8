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
   through one claim dated only to the week; loose dates allowed). When
   several fit, the candidates are narrowed by the same place name, then the same death toll,
   then the same sub-type; a claim still torn between events stays out.
3. The vague claims left over group among themselves as in the first pass.

In every pass a claim that knows its day joins an event only when at least half of the
event's members that know theirs lie within the day slack of it: reports dated only to the
week of a strike must not carry in a toll of another known day ("since Thursday, 44 killed").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from frontline.fuse.cluster import Claim
from frontline.fuse.graph import Graph, Placement
from frontline.fuse.rules import default_rules

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


class _Days:
    """The days of each event's members that know their day, to keep a claim that knows its
    day out of an event whose members that know theirs mostly lie further than ``slack`` days
    away (week- or month-precise members must not carry it in)."""

    def __init__(self, claims: Sequence[Claim], slack: int) -> None:
        self._claims = claims
        self._slack = slack
        self._days: list[Counter[int]] = []

    def add(self, i: int, event: int) -> None:
        while len(self._days) <= event:
            self._days.append(Counter())
        if _knows_day(self._claims[i]):
            self._days[event][self._claims[i].day] += 1

    def agree(self, i: int, event: int) -> bool:
        claim = self._claims[i]
        days = self._days[event]
        if not _knows_day(claim) or not days:
            return True
        near = range(claim.day - self._slack, claim.day + self._slack + 1)
        return 2 * sum(days[d] for d in near) >= days.total()


def _knows_day(claim: Claim) -> bool:
    return claim.event.time_precision == 1


def split_component(
    claims: Sequence[Claim],
    members: Sequence[int],
    graph: Graph,
    day_slack: int | None = None,
) -> list[list[int]]:
    """Events (lists of claim indices) of one component; see the module's description.
    ``day_slack``: days two claims that know the day may lie apart (``fusion.toml``'s)."""
    ordered = sorted(members, key=lambda m: _specificity(claims[m]))
    events: list[list[int]] = []
    of = graph.placement()
    slack = default_rules().slack(1, 1) if day_slack is None else day_slack
    days = _Days(claims, slack)
    _found(claims, [m for m in ordered if claims[m].core], of, (events, days))
    specific = [tuple(event) for event in events]
    so_far = of.copy()  # the vague claims attached so far included
    left = []
    for i in (m for m in ordered if not claims[m].core):
        first, every = of.tally(i, loose=True), so_far.tally(i, loose=True)
        fitting = [
            k
            for k in sorted(first)
            if _fit(first.get(k), len(specific[k])) > 0
            and _fit(every.get(k), len(events[k])) > 0
            and days.agree(i, k)
        ]
        chosen = _choose(claims, i, fitting, specific)
        if chosen is None:
            left.append(i)
        else:
            events[chosen].append(i)
            days.add(i, chosen)
            so_far.add(i, chosen)
    _found(claims, left, graph.keeping(_alike).placement(), (events, days))
    return events


def _alike(a: Claim, b: Claim) -> bool:
    """Two vague claims tell one event only when they also share the day or the toll."""
    fatalities = a.event.fatalities
    return a.day == b.day or (fatalities is not None and fatalities == b.event.fatalities)


def _found(
    claims: Sequence[Claim],
    order: Sequence[int],
    of: Placement,
    grouped: tuple[list[list[int]], _Days],
) -> None:
    """Group ``order`` into new events appended to ``grouped``'s (``of``: claim → event)."""
    events, days = grouped
    for i in order:
        tally = of.tally(i)
        fitting = [
            (k, score)
            for k in sorted(tally)
            if (score := _fit(tally.get(k), len(events[k]))) > 0 and days.agree(i, k)
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
