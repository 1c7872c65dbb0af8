"""One fused event from the claims that report it: what the sources agree on, who they are,
and where they disagree.

Independence: a claim counts for the outlet of the document it really comes from (a copy
counts for its original), and one outlet counts once however many claims or articles it has.
Votes (date, place, actors, sub-type) weigh each independent outlet once. Fatalities follow
ACLED's conservative rule: ``best`` is the lowest figure stated as fact (``reported``) in an
article that is not a copy, else the lowest figure of all; ``low``/``high`` are the least and
the most any claim gives. Disagreements become :class:`Contradiction` records, never averages.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from datetime import date
from typing import TypeVar

from frontline.fuse.cluster import Claim
from frontline.fuse.outlets import OutletDirectory
from frontline.fuse.rules import FusionRules
from frontline.records import Contradiction, FusedEvent, Place, TerritoryChange

T = TypeVar("T", bound=Hashable)
_CERTAINTY_ORDER = ("reported", "claimed", "denied")


def fused_id(members: Sequence[str]) -> str:
    """A stable id: the first 16 hex digits of SHA-256 over the sorted member ids."""
    return hashlib.sha256("\n".join(sorted(members)).encode()).hexdigest()[:16]


def _outlet(claim: Claim, sources: Mapping[str, str | None]) -> str:
    """The outlet a claim counts for: its original document's outlet."""
    origin = claim.origin
    source = sources.get(origin, claim.event.source if origin == claim.event.doc_id else None)
    return (source or f"doc:{origin}").casefold()


def vote(
    claims: Sequence[Claim],
    value: Callable[[Claim], T | None],
    outlet: Callable[[Claim], str],
) -> list[tuple[T, int, int]]:
    """(value, independent outlets, claims) for each stated value, best supported first."""
    outlets: dict[T, set[str]] = defaultdict(set)
    counts: Counter[T] = Counter()
    for claim in claims:
        found = value(claim)
        if found is not None:
            outlets[found].add(outlet(claim))
            counts[found] += 1
    ranked = [(v, len(outlets[v]), counts[v]) for v in outlets]
    ranked.sort(key=lambda item: (-item[1], -item[2], str(item[0])))
    return ranked


def _winner(ranked: Sequence[tuple[T, int, int]]) -> T | None:
    return ranked[0][0] if ranked else None


def _best_date(claims: Sequence[Claim], outlet: Callable[[Claim], str]) -> tuple[date | None, int]:
    precise = [
        c for c in claims if c.event.time_precision == min(x.event.time_precision for x in claims)
    ]
    chosen = _winner(vote(precise, lambda c: c.event.event_date, outlet))
    precision = min(c.event.time_precision for c in claims)
    return chosen, precision


def _best_place(claims: Sequence[Claim], outlet: Callable[[Claim], str]) -> Place | None:
    """Among the places with the most independent support, the most precise one. Only the
    claims that name the place itself vote when there are any: a governorate, a city named
    like its governorate or a place "near" another only says where the event lies roughly, so
    two reports of a strike "in Idlib province" do not outvote the one that names the village
    (Urum al-Joz)."""
    placed = [c for c in claims if _names_place(c)] or claims
    ranked = vote(placed, lambda c: c.place_key or None, outlet)
    if not ranked:
        return None
    top = ranked[0][1]
    keys = {key for key, outlets, _ in ranked if outlets == top}
    candidates = [c.event.place for c in placed if c.place_key in keys and c.event.place]
    return min(
        candidates,
        key=lambda p: (p.geo_precision or 9, p.status != "resolved", p.name, p.gazetteer_id or ""),
    )


def _names_place(claim: Claim) -> bool:
    place = claim.event.place
    return place is not None and place.geo_precision == 1 and not claim.names_province


def fatalities(claims: Sequence[Claim]) -> tuple[int | None, int | None, int | None]:
    """(low, best, high): the range of figures, and the lowest figure stated as fact by an
    original article (else the lowest of all)."""
    figures = [c.event.fatalities for c in claims if c.event.fatalities is not None]
    if not figures:
        return None, None, None
    factual = [
        c.event.fatalities
        for c in claims
        if c.event.fatalities is not None
        and c.event.certainty == "reported"
        and c.origin == c.event.doc_id
    ]
    return min(figures), min(factual or figures), max(figures)


def _territory(claims: Sequence[Claim], outlet: Callable[[Claim], str]) -> TerritoryChange | None:
    def key(c: Claim) -> tuple[str, str] | None:
        t = c.event.territory
        return None if t is None else (t.loser or "", t.taker or "")

    found = _winner(vote(claims, key, outlet))
    return None if found is None else TerritoryChange(found[0] or None, found[1] or None)


def _differences(
    name: str, claims: Sequence[Claim], value: Callable[[Claim], str | None], note: str = ""
) -> list[Contradiction]:
    stated: dict[str, list[str]] = defaultdict(list)
    for claim in claims:
        found = value(claim)
        if found is not None:
            stated[found].append(claim.event_id)
    if len(stated) < 2:
        return []
    values = tuple((v, tuple(sorted(ids))) for v, ids in sorted(stated.items()))
    return [Contradiction(name, values, note)]


def _outcome(claim: Claim, rules: FusionRules) -> str | None:
    event = claim.event
    if event.event_type != "Battles":
        return None
    if event.territory is not None:
        return f"captured by {event.territory.taker or 'unknown'}"
    text = event.evidence.text.casefold()
    return "repelled" if any(word in text for word in rules.repelled) else None


def contradictions(claims: Sequence[Claim], rules: FusionRules) -> tuple[Contradiction, ...]:
    """Where the members disagree: figures, outcome, certainty, dates, actors."""
    day_claims = [c for c in claims if c.event.time_precision == 1]
    found = [
        *_differences("fatalities", claims, lambda c: _text(c.event.fatalities)),
        *_differences(
            "outcome", claims, lambda c: _outcome(c, rules), "a capture against a repelled attack"
        ),
        *_certainty(claims),
        *_differences("date", day_claims, lambda c: _text(c.event.event_date)),
        *_differences("actor1", claims, lambda c: c.event.actor1),
        *_differences("actor2", claims, lambda c: c.event.actor2),
    ]
    return tuple(found)


def _certainty(claims: Sequence[Claim]) -> list[Contradiction]:
    if not any(c.event.certainty == "denied" for c in claims):
        return []
    return _differences(
        "certainty",
        claims,
        lambda c: "denied" if c.event.certainty == "denied" else "asserted",
        "reported or claimed by some, denied by others",
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _certainty_of(claims: Sequence[Claim]) -> str:
    stated = {c.event.certainty for c in claims}
    return next((c for c in _CERTAINTY_ORDER if c in stated), "reported")


def confidence(
    independent: int, camps: int, contradicted: int, certainty: str, rules: FusionRules
) -> float:
    """From 0 to 1: more for more outlets and camps, less for each contradiction."""
    weights = rules.confidence
    value = (
        weights["base"]
        + weights["per_source"] * max(independent - 1, 0)
        + weights["per_camp"] * max(camps - 1, 0)
        - weights["per_contradiction"] * contradicted
    )
    if certainty == "claimed":
        value *= weights["claimed_factor"]
    elif certainty == "denied":
        value *= weights["denied_factor"]
    return round(min(1.0, max(weights["floor"], value)), 3)


def fuse_event(
    claims: Sequence[Claim],
    rules: FusionRules,
    outlets: OutletDirectory,
    sources: Mapping[str, str | None],
) -> FusedEvent:
    """The fused record of one event's claims (see the module docstring for the rules)."""

    def outlet(claim: Claim) -> str:
        return _outlet(claim, sources)

    independent = sorted({outlet(c) for c in claims})
    camps = sorted({outlets.camp(o) for o in independent})
    event_date, precision = _best_date(claims, outlet)
    low, best, high = fatalities(claims)
    found = contradictions(claims, rules)
    certainty = _certainty_of(claims)
    members = tuple(sorted(c.event_id for c in claims))
    return FusedEvent(
        fused_id=fused_id(members),
        event_type=claims[0].event.event_type,
        sub_event_type=_winner(vote(claims, lambda c: c.event.sub_event_type, outlet)) or "",
        event_date=event_date,
        time_precision=precision,
        actor1=_winner(vote(claims, lambda c: c.event.actor1, outlet)),
        actor2=_winner(vote(claims, lambda c: c.event.actor2, outlet)),
        place=_best_place(claims, outlet),
        fatalities_low=low,
        fatalities_best=best,
        fatalities_high=high,
        territory=_territory(claims, outlet),
        members=members,
        documents=tuple(sorted({c.event.doc_id for c in claims})),
        sources=tuple(sorted({(c.event.source or "").casefold() for c in claims} - {""})),
        camps=tuple(camps),
        independent_sources=len(independent),
        contradictions=found,
        certainty=certainty,
        confidence=confidence(len(independent), len(camps), len(found), certainty, rules),
    )
