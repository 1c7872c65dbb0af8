"""Death tolls: how a claim's counts become its fatalities, and tolls told a sentence late.

News copy often names the attack in one sentence and its toll in the next: "The Syrian
Coalition condemned the bombing that targeted ... Azaz. At least five civilians were killed
and many more wounded in the attack." The second sentence codes no event of its own (it points
back at the bombing, or names no place), so without :func:`carry_back` its toll is lost.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from frontline.extract.clauses import SentenceParts
from frontline.extract.numbers import find_quantities
from frontline.records import Event, Quantity, Span

if TYPE_CHECKING:
    from frontline.extract.events import Claim

VAGUE = frozenset({"dozens", "hundreds", "thousands", "tens of thousands", "scores"})
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# The events each kind of count belongs to (event type, or "type:sub-type"); a kind not named
# here ("places", "percent") belongs to a territory change.
_HOME = {
    "killed": VIOLENT_TYPES,
    "injured": VIOLENT_TYPES,
    "captured": VIOLENT_TYPES | {"Strategic developments"},
    "displaced": frozenset({"Humanitarian:Displacement"}),
    "besieged": frozenset({"Humanitarian:Siege"}),
}
# sub-event type -> the death and injury counts of an event of that kind the story told at a
# place it did not name, not yet given to a named place
Unnamed = dict[str, tuple[Quantity, ...]]
_REACH = 400  # characters from the end of the event's sentence to the toll's sentence
_DATED_REACH = 900  # further back when the toll names its day ("33 militants on Sunday")
# A count over several events or days, not the toll of the one just told.
_TALLY = re.compile(
    r"\b(?:total|tally|overall|cumulative|so far|in all|since|brings?|brought|raising|"
    r"rais(?:es|ed)|altogether|combined|this (?:year|month)|(?:days|weeks|months|years) of|"
    r"conflict|war|in syria|(?:past|last) (?:\w+ )?(?:days|weeks|months|years)|"
    # a toll replaced or a range of estimates ("had initially given a death toll of 34", "vary
    # from 10000 to more than 30000"), and another event ("Separately two militants were killed")
    r"initial(?:ly)?|previous|earlier (?:gave|given|put|reported)|var(?:y|ies)|separately|"
    r"elsewhere|in (?:a|another) separate)\b",
    re.IGNORECASE,
)


# A count added to one told before: "another six", "a further 12", "Three more civilians",
# "15 others were injured".
_ADDED_BEFORE = re.compile(r"\b(?:another|a further|an additional)\s+\Z", re.IGNORECASE)
_ADDED_AFTER = re.compile(r"\s+(?:more|others?|additional)\b", re.IGNORECASE)


def _added(quantity: Quantity, event: Event) -> bool:
    """Whether ``event``'s sentence gives ``quantity`` as a count added to an earlier one."""
    if quantity.span is None or quantity.kind not in ("killed", "injured"):
        return False
    text, start = event.evidence.text, quantity.span.start - event.evidence.start
    end = quantity.span.end - event.evidence.start
    return bool(_ADDED_BEFORE.search(text[max(0, start - 25) : start])) or bool(
        _ADDED_AFTER.match(text, end)
    )


def merged_quantities(first: Event, later: Event) -> tuple[Quantity, ...]:
    """The counts of one event told twice: the first report's, else the later one's; a later
    death toll given as more victims ("Three more civilians were killed ... on Friday evening")
    is added to the first (gold batch B: disjoint tolls of one event are summed)."""
    if not first.quantities:
        return later.quantities
    added = tuple(q for q in later.quantities if _added(q, later))
    if any(q.kind == "killed" for q in added):
        return (*first.quantities, *added)
    return first.quantities


def fatalities_of(quantities: tuple[Quantity, ...]) -> int | None:
    """The sum of the exact death counts (vague ones such as "dozens" leave it unset)."""
    exact = [q for q in quantities if q.kind == "killed" and q.qualifier not in VAGUE]
    if not exact:
        return None
    return int(sum(q.value for q in exact))


def _told_groups(events: list[Event]) -> list[list[int]]:
    """Indices of ``events`` grouped by the sentence that told them, latest sentence first."""
    groups: dict[int, list[int]] = {}
    for i, event in enumerate(events):
        groups.setdefault(event.evidence.start, []).append(i)
    return [groups[start] for start in sorted(groups, reverse=True)]


def _fits(event: Event, days: set[date]) -> bool:
    return (
        event.event_type in VIOLENT_TYPES
        and event.territory is None  # a capture's toll is its fighting's ("It added that ...")
        and not any(q.kind == "killed" for q in event.quantities)
        and (not days or event.event_date in days)
    )


def carry_back(events: list[Event], parts: SentenceParts) -> None:
    """Give the exact death toll of a sentence that coded no event to the event told just
    before it: the first violent event of the latest sentence that told one, when that event
    has no toll yet, the toll sentence names no other place, and any day it names is the
    event's. A toll that names its day may reach a few sentences further back for an event of
    that day. ``events`` is changed in place."""
    killed = [q for q in parts.quantities if q.kind == "killed" and q.qualifier not in VAGUE]
    if not killed or parts.background or not events or _TALLY.search(parts.text):
        return
    told = {q.value for e in events for q in e.quantities if q.kind == "killed"}
    if any(q.value in told for q in killed):
        return  # the lead's toll said again ("22 people were killed during the airstrikes")
    days = {d.date for d in parts.dates if not d.reporting}
    named = {p.place.name for p in parts.places}
    for group in _told_groups(events):
        gap = parts.start - events[group[0]].evidence.end
        if gap > (_DATED_REACH if days else _REACH):
            return
        places = {events[i].location for i in group}
        if any(events[i].fatalities is not None for i in group):
            return  # "at least 56 civilians were killed in the strikes": a second report
        target = next((i for i in group if _fits(events[i], days)), None)
        if target is not None and named <= places:
            counts = tuple(q for q in parts.quantities if q.kind in ("killed", "injured"))
            quantities = (*events[target].quantities, *counts)
            events[target] = replace(
                events[target], quantities=quantities, fatalities=fatalities_of(quantities)
            )
            return
        if not days:
            return


def remember_unnamed(
    unnamed: Unnamed, sub_event_type: str, quantities: tuple[Quantity, ...]
) -> None:
    """Keep the toll of an event told at a place the text does not name ("A twin bombing
    struck a crowd in a predominantly Kurdish town in northern Syria on Wednesday killing 44
    people"), for the first later event of that kind at a named place (:func:`with_counts`)."""
    counts = tuple(q for q in quantities if q.kind in ("killed", "injured"))
    if any(q.kind == "killed" for q in counts):
        unnamed.setdefault(sub_event_type, counts)


# A count told of one place of a list: "12 people in Douma and five in Arbin"; and the ones of
# "three people were killed ... one in Aleppo province a second in Damascus province".
_IN_PLACE = re.compile(
    r"\s+(?:(?:people|persons|civilians|others?|more|of them|dead)\s+)?(?:(?:were\s+)?killed\s+)?"
    r"(?:in|at)\s+(?:the\s+)?(?:(?:town|city|village|province|district|neighbou?rhood)\s+of\s+)?",
    re.IGNORECASE,
)
_ONE_IN = re.compile(
    r"\b(?:one|a second|a third|a fourth|a fifth|the other)\s+(?:in|at)\s+(?:the\s+)?"
    r"(?:(?:town|city|village|province|district|neighbou?rhood)\s+of\s+)?\Z",
    re.IGNORECASE,
)


def _count_at(claim: Claim, parts: SentenceParts) -> Quantity | None:
    """The death count the sentence gives right before the claim's place, if any."""
    span = claim.place.span if claim.place else None
    if span is None:
        return None
    start = span.start - parts.start
    for q in parts.quantities:
        if q.kind == "killed" and q.span and q.qualifier not in VAGUE:
            gap = parts.text[q.span.end - parts.start : start]
            if _IN_PLACE.fullmatch(gap):
                return q
    one = _ONE_IN.search(parts.text, max(0, start - 40), start)
    if one is None:
        return None
    return Quantity(
        "killed", 1, None, Span(parts.start + one.start(), parts.start + one.end(), one.group())
    )


def by_place(claims: list[Claim], parts: SentenceParts) -> list[Claim]:
    """A toll the sentence breaks down place by place ("12 people in Douma and five in Arbin",
    "one in Aleppo province a second in Damascus province and a third in Busra"): each place
    takes its own count, not the first place the total or the sum."""
    own = {i: q for i, c in enumerate(claims) if (q := _count_at(c, parts)) is not None}
    if len(own) < 2:
        return claims
    out = list(claims)
    for i, quantity in own.items():
        kept = tuple(q for q in claims[i].quantities if q.kind != "killed")
        out[i] = replace(claims[i], quantities=(*kept, quantity))
    return out


def killed_values(text: str) -> set[float]:
    """The death counts a text gives (a headline's)."""
    return {q.value for q in find_quantities(text) if q.kind == "killed"}


def without_totals(quantities: tuple[Quantity, ...], totals: set[float]) -> tuple[Quantity, ...]:
    """The counts of a sentence less a headline's total copied into it beside a toll of its
    own ("At least 57 Civilians killed More than 150 Injured in continued Nusra Front terrorist
    attacks on Aleppo Terrorists targeted al-Razi Hospital ... leaving 4 people dead"): the
    57 are the day's dead across the city, not this attack's."""
    killed = [q for q in quantities if q.kind == "killed"]
    total = [
        q
        for q in killed
        if q.value in totals and not any(_side_by_side(q, other) for other in killed if other != q)
    ]
    if not total or len(total) == len(killed):
        return quantities
    return tuple(q for q in quantities if q not in total)


TOLL_PARTS_GAP = 40  # characters between two counts told as parts of one toll


def _side_by_side(first: Quantity, second: Quantity) -> bool:
    """Whether two counts are told together as parts of one toll ("Some 120 ISIS fighters and
    60 foreign mercenaries were killed"), which a headline's total does not split."""
    if first.span is None or second.span is None:
        return False
    gap = max(second.span.start - first.span.end, first.span.start - second.span.end)
    return gap <= TOLL_PARTS_GAP


def with_counts(
    claims: list[Claim], quantities: tuple[Quantity, ...], unnamed: Unnamed
) -> list[Claim]:
    """Give each count of the sentence to the first claim of the kind it belongs to (the
    first-named place only); then a claim of a kind whose toll an unnamed place kept, with no
    toll of its own, takes that toll (once)."""
    out = list(claims)
    for quantity in quantities:
        homes = _HOME.get(quantity.kind)
        for i, claim in enumerate(out):
            if claim.list_index:
                continue
            kind_key = f"{claim.event_type}:{claim.sub_event_type}"
            if homes is None:
                fits = claim.territory is not None
            else:
                fits = claim.event_type in homes or kind_key in homes
            if fits and claim.sub_event_type != "Infrastructure":
                out[i] = replace(claim, quantities=(*claim.quantities, quantity))
                break
    for i, claim in enumerate(out):
        kept = unnamed.get(claim.sub_event_type)
        if kept and not claim.list_index and not any(q.kind == "killed" for q in claim.quantities):
            out[i] = replace(claim, quantities=(*claim.quantities, *kept))
            unnamed[claim.sub_event_type] = ()
    return out
