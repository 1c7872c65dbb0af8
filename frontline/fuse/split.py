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
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from frontline.fuse.cluster import Claim

Pairs = Mapping[tuple[int, int], int]
SALIENCE = 3


def _specificity(claim: Claim) -> tuple[int, int, int, str]:
    place = claim.event.place
    precision = place.geo_precision if place and place.geo_precision else 9
    return (precision, claim.event.time_precision, claim.day, claim.event_id)


def _score(pairs: Pairs, i: int, j: int) -> int:
    return pairs.get((i, j) if i < j else (j, i), 0)


def _fit(i: int, members: Sequence[int], pairs: Pairs, loose: bool = False) -> float:
    """0 unless claim ``i`` is compatible with at least half of ``members`` (loose pairs count
    when ``loose``); else the mean pair score."""
    scores = [_score(pairs, i, m) for m in members]
    scores = [abs(s) for s in scores] if loose else [max(s, 0) for s in scores]
    if 2 * sum(1 for s in scores if s) < len(scores):
        return 0.0
    return sum(scores) / len(scores)


def split_component(
    claims: Sequence[Claim],
    members: Sequence[int],
    pairs: Pairs,
    adjacent: Mapping[int, set[int]],
) -> list[list[int]]:
    """Events (lists of claim indices) of one component; see the module's description."""
    ordered = sorted(members, key=lambda m: _specificity(claims[m]))
    events: list[list[int]] = []
    of: dict[int, int] = {}
    _found(claims, [m for m in ordered if claims[m].core], pairs, adjacent, events, of)
    specific = [tuple(event) for event in events]
    left = []
    for i in (m for m in ordered if not claims[m].core):
        near = sorted({of[j] for j in adjacent.get(i, ()) if j in of})
        fitting = [
            k
            for k in near
            if _fit(i, specific[k], pairs, loose=True) > 0
            and _fit(i, events[k], pairs, loose=True) > 0
        ]
        chosen = _choose(claims, i, fitting, specific)
        if chosen is None:
            left.append(i)
        else:
            events[chosen].append(i)
    alike = {
        (a, b): score
        for a in left
        for b in adjacent.get(a, ())
        if a < b and (score := pairs[(a, b)]) > 0 and _alike(claims[a], claims[b])
    }
    _found(claims, left, alike, adjacent, events, {})
    return events


def _alike(a: Claim, b: Claim) -> bool:
    """Two vague claims tell one event only when they also share the day or the toll."""
    fatalities = a.event.fatalities
    return a.day == b.day or (fatalities is not None and fatalities == b.event.fatalities)


def _found(
    claims: Sequence[Claim],
    order: Sequence[int],
    pairs: Pairs,
    adjacent: Mapping[int, set[int]],
    events: list[list[int]],
    of: dict[int, int],
) -> None:
    """Group ``order`` into new events appended to ``events`` (``of``: claim → event)."""
    for i in order:
        near = sorted({of[j] for j in adjacent.get(i, ()) if j in of})
        fitting = [(k, score) for k in near if (score := _fit(i, events[k], pairs)) > 0]
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
        of[i] = best


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
