"""Corroboration for credibility, from the fuse stage's events.

Every claim of a corpus is fused with :func:`frontline.fuse.fusion.fuse_claims` (copies folded
into their originals by :mod:`frontline.fuse.copies`, outlets' camps from
:mod:`frontline.fuse.outlets`). A claim is then judged against the *other independent
outlets* of its fused event: how many there are, from which camps, whether its death toll is
the event's best (lowest factual) figure or stands apart from every other outlet's, and whether
its day agrees with the day the event was fused to. An article that only copies another
counts for nothing: its claims are the original's.

Articles are numbered by their position in the corpus (``#0``, ``#1``, …) inside the index, so
repeated ids and identical texts (FA-KES has both) stay apart. Pure; no store.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from statistics import median
from typing import Protocol

from frontline.fuse.copies import Copies, find_copies, fingerprint
from frontline.fuse.fusion import fuse_claims
from frontline.fuse.outlets import OutletDirectory
from frontline.records import Event, Extraction, FusedEvent


@dataclass(frozen=True, slots=True)
class Support:
    """What the rest of the corpus says about one claim (see the module docstring)."""

    fused_id: str | None
    outlets: tuple[str, ...]  # other independent outlets reporting the same event
    camps: tuple[str, ...]  # their camps, other than the claim's own (known camps only)
    tolls: tuple[int, ...]  # the other outlets' death tolls
    toll_is_best: bool
    toll_outlier: bool
    date_agrees: bool
    date_disagrees: bool
    copied: bool  # the claim comes from another article (its origin is not its document)


NO_SUPPORT = Support(None, (), (), (), False, False, False, False, False)


def _key(position: int, doc_id: str) -> str:
    return f"#{position}:{doc_id}"


class FusedIndex:
    """The fused events of a corpus, and for each claim the support the others give it."""

    def __init__(
        self,
        extractions: Sequence[Extraction],
        outlets: OutletDirectory | None = None,
        toll_tolerance: float = 0.15,
    ) -> None:
        self._outlets = outlets or OutletDirectory.default()
        self._tolerance = toll_tolerance
        prints, sources, events = [], {}, []
        self._original: dict[str, tuple[int, str]] = {}  # renamed event id -> (article, id)
        for position, extraction in enumerate(extractions):
            document = extraction.document
            key = _key(position, document.doc_id)
            prints.append(fingerprint(key, document.text, document.published))
            sources[key] = document.source
            for event in extraction.events:
                renamed = f"{key}/{event.event_id}"
                self._original[renamed] = (position, event.event_id)
                events.append(replace(event, event_id=renamed, doc_id=key))
        self.copies = find_copies(prints)
        self._sources = {k: (v or k).casefold() for k, v in sources.items()}
        self._events = {e.event_id: e for e in events}
        fused = fuse_claims(events, self.copies, sources)
        self.fused = fused
        self._of: dict[tuple[int, str], FusedEvent] = {}
        for item in fused:
            for member in item.members:
                self._of[self._original[member]] = item

    def camp(self, outlet: str) -> str:
        return self._outlets.camp(outlet)

    def outlet(self, event: Event) -> str:
        """The outlet a (renamed) claim counts for: its original article's."""
        origin = self.copies.origin(event.doc_id, event.evidence.start, event.evidence.end)
        return self._sources.get(origin, origin)

    def support(self, position: int, event: Event) -> Support:
        """What the other outlets of its fused event say about claim ``event`` of article
        number ``position``."""
        fused = self._of.get((position, event.event_id))
        if fused is None:
            return NO_SUPPORT
        mine = self._events[f"{_key(position, event.doc_id)}/{event.event_id}"]
        members = [self._events[m] for m in fused.members]
        origin = self.copies.origin(mine.doc_id, mine.evidence.start, mine.evidence.end)
        copied = origin != mine.doc_id
        return judge(event, fused, self.outlet(mine), members, self, copied, self._tolerance)


class StoredIndex:
    """Support from the fused events the fuse stage stored: no fusion here, so scoring a few
    documents reads only their claims' fused events. ``fused_of``: the fused event of each
    claim by id; ``events``: every member claim of those events by id; ``copies`` and
    ``sources`` (outlet by document id) of their documents and originals."""

    def __init__(
        self,
        fused_of: Mapping[str, FusedEvent],
        events: Mapping[str, Event],
        copies: Copies,
        sources: Mapping[str, str | None],
        outlets: OutletDirectory | None = None,
        toll_tolerance: float = 0.15,
    ) -> None:
        self._fused_of = fused_of
        self._events = events
        self.copies = copies
        self._sources = {k: (v or k).casefold() for k, v in sources.items()}
        self._outlets = outlets or OutletDirectory.default()
        self._tolerance = toll_tolerance

    def camp(self, outlet: str) -> str:
        return self._outlets.camp(outlet)

    def outlet(self, event: Event) -> str:
        """The outlet a claim counts for: its original article's."""
        origin = self.copies.origin(event.doc_id, event.evidence.start, event.evidence.end)
        return self._sources.get(origin, origin)

    def support(self, position: int, event: Event) -> Support:
        """What the other outlets of its fused event say about claim ``event`` (``position``
        is not needed: stored documents have one id each)."""
        fused = self._fused_of.get(event.event_id)
        if fused is None:
            return NO_SUPPORT
        members = [self._events[m] for m in fused.members if m in self._events]
        copied = self.copies.origin(event.doc_id, event.evidence.start, event.evidence.end)
        own = self.outlet(event)
        return judge(event, fused, own, members, self, copied != event.doc_id, self._tolerance)


class Outlets(Protocol):
    """Which outlet a claim counts for, and each outlet's camp."""

    def outlet(self, event: Event) -> str: ...

    def camp(self, outlet: str) -> str: ...


class SupportIndex(Protocol):
    """Where :func:`frontline.fuse.credibility.article_features` finds a claim's support."""

    def support(self, position: int, event: Event) -> Support: ...


def judge(
    event: Event,
    fused: FusedEvent,
    own: str,
    members: Sequence[Event],
    outlets: Outlets,
    copied: bool,
    tolerance: float = 0.15,
) -> Support:
    """The support the ``members`` of ``fused`` from outlets other than ``own`` (the outlet
    ``event`` counts for) give it."""
    others = [e for e in members if outlets.outlet(e) != own]
    names = tuple(sorted({outlets.outlet(e) for e in others}))
    own_camp = outlets.camp(own)
    camps = {outlets.camp(o) for o in names} - {own_camp, "unknown"}
    tolls = tuple(sorted({e.fatalities for e in others if e.fatalities is not None}))
    dated = fused.independent_sources >= 2 and event.time_precision == 1
    return Support(
        fused_id=fused.fused_id,
        outlets=names,
        camps=tuple(sorted(camps)),
        tolls=tolls,
        toll_is_best=bool(tolls)
        and event.fatalities is not None
        and event.fatalities == fused.fatalities_best,
        toll_outlier=_outlier(event.fatalities, tolls, tolerance),
        date_agrees=dated and event.event_date == fused.event_date,
        date_disagrees=dated
        and fused.time_precision == 1
        and event.event_date is not None
        and event.event_date != fused.event_date,
        copied=copied,
    )


def _outlier(toll: int | None, others: Sequence[int], tolerance: float) -> bool:
    """A toll far from the other outlets' median (more than ``tolerance`` of the larger)."""
    if toll is None or not others:
        return False
    middle = median(others)
    return abs(toll - middle) > tolerance * max(toll, middle, 1)


def internal_toll_conflicts(events: Sequence[Event], fused_of: Mapping[str, str]) -> int:
    """How many of one article's fused events it gives two different death tolls for."""
    figures: dict[str, set[int]] = {}
    for event in events:
        fid = fused_of.get(event.event_id)
        if fid is not None and event.fatalities is not None:
            figures.setdefault(fid, set()).add(event.fatalities)
    return sum(len(v) > 1 for v in figures.values())
