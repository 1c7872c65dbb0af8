"""The frozen records that flow between frontline's stages.

ingest makes :class:`Document`; extract turns one document into :class:`Event` records, each
carrying its :class:`Provenance`; geo fills :class:`Place`; store and export read them back.
Nothing here does I/O, and nothing here is mutable.

Offsets are always character offsets into ``Document.text``, the text exactly as it was read
(the decoded file, the CSV cell), whatever cleaning decided to ignore.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType

_NOT_LINE_BREAK = re.compile(r"[^\n]")

EXTRACTOR_NAME = "frontline-rules"
EXTRACTOR_VERSION = "0.1.0"


def content_hash(text: str) -> str:
    """The stable key of a document's content: SHA-256 of its UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _frozen_meta(meta: Mapping[str, str] | None) -> Mapping[str, str]:
    return MappingProxyType(dict(meta or {}))


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of a document's original text: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span offsets {self.start}..{self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError("span text length does not match its offsets")


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read, before any analysis.

    ``ignored`` lists (start, end) ranges of ``text`` that cleaning set aside (a repeated
    caption, the title line, a trailing "Source:" line, a dateline); extraction reads
    :attr:`analysis_text`, where those ranges are blanked, so offsets never shift.
    ``published_from`` says where ``published`` came from: ``given`` (an option),
    ``dateline`` (the text), ``column`` (a corpus column), ``metadata`` (HTML/feed) or ``none``.
    """

    doc_id: str
    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    origin: str = ""
    ignored: tuple[tuple[int, int], ...] = ()
    published_from: str = "none"
    meta: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        object.__setattr__(self, "meta", _frozen_meta(self.meta))

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    @property
    def analysis_text(self) -> str:
        """``text`` with the ignored ranges replaced by spaces (same length, same offsets)."""
        text = self.text
        for start, end in self.ignored:
            start, end = max(start, 0), min(end, len(text))
            if start < end:  # every character but a line break becomes a space
                text = text[:start] + _NOT_LINE_BREAK.sub(" ", text[start:end]) + text[end:]
        return text

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])


class GeoStatus(StrEnum):
    """How sure the resolver is of a place (mordecai's honesty: no silent guess)."""

    RESOLVED = "resolved"
    AMBIGUOUS = "ambiguous"
    UNRESOLVED = "unresolved"


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened, as written and as resolved.

    ``name`` is the canonical name of the smallest place named (``text`` when unresolved);
    ``geo_precision`` follows ONTOLOGY.md: 1 the place itself, 2 near it or part of it,
    3 only the governorate.
    """

    text: str
    name: str
    status: GeoStatus = GeoStatus.UNRESOLVED
    latitude: float | None = None
    longitude: float | None = None
    admin1: str | None = None
    admin2: str | None = None
    geo_precision: int | None = None
    gazetteer_id: str | None = None
    feature: str | None = None
    score: float | None = None
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A reported count other than (or as well as) deaths."""

    kind: str  # killed, injured, displaced, besieged, captured, percent, ...
    value: float | int
    qualifier: str | None = None  # at least, about, nearly, more than, thousands, ...
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class TerritoryChange:
    """Who lost a place and who took it (canonical actor names; either may be unknown)."""

    loser: str | None
    taker: str | None


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a fact comes from: the document, the evidence offsets, the extractor."""

    doc_id: str
    evidence: Span
    extractor: str = f"{EXTRACTOR_NAME}/{EXTRACTOR_VERSION}"
    gazetteer: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event claim from one document (fusion across documents comes later).

    ``certainty`` is ``reported`` (stated as fact), ``claimed`` (a party says so, hedged)
    or ``denied``.
    """

    event_id: str
    doc_id: str
    source: str | None
    event_date: date | None
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    place: Place | None
    fatalities: int | None
    quantities: tuple[Quantity, ...]
    attributed_to: str | None
    evidence: Span
    territory: TerritoryChange | None
    provenance: Provenance
    certainty: str = "reported"
    trigger: str | None = None

    @property
    def location(self) -> str | None:
        return self.place.name if self.place else None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """Something a user should know about one input: an unreadable file, a bad row."""

    level: str  # "error" or "warning"
    origin: str  # file path or URL
    message: str
    line: int | None = None  # 1-based line or row number, when there is one

    def __str__(self) -> str:
        where = f"{self.origin}:{self.line}" if self.line is not None else self.origin
        return f"{self.level}: {where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the pipeline made of one document."""

    document: Document
    events: tuple[Event, ...]
    diagnostics: tuple[Diagnostic, ...] = ()


# ---------------------------------------------------------------------------------------------
# The fuse stage: many claims (Events from many documents) become one fused event; territory
# changes become control periods; articles and outlets get credibility scores.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Members of one fused event that disagree on ``field``, shown and never averaged away.

    ``field`` is ``fatalities``, ``outcome`` (captured vs repelled), ``certainty`` (reported /
    claimed vs denied), ``date``, ``actor1``, ``actor2`` or ``place``; ``values`` pairs each
    stated value (as text) with the ids of the claims that state it.
    """

    field: str
    values: tuple[tuple[str, tuple[str, ...]], ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class FusedEvent:
    """One real-world event, fused from the claims (``members``: event ids) that report it.

    Fatalities: ``fatalities_best`` follows the rule in docs/fusion.md; ``low``/``high`` span
    the figures the members give. ``independent_sources`` counts outlets after copies are
    folded together; ``camps`` lists the camps those outlets report from.
    """

    fused_id: str
    event_type: str
    sub_event_type: str
    event_date: date | None
    time_precision: int
    actor1: str | None
    actor2: str | None
    place: Place | None
    fatalities_low: int | None
    fatalities_best: int | None
    fatalities_high: int | None
    territory: TerritoryChange | None
    members: tuple[str, ...]
    documents: tuple[str, ...]
    sources: tuple[str, ...]
    camps: tuple[str, ...]
    independent_sources: int
    contradictions: tuple[Contradiction, ...] = ()
    certainty: str = "reported"
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class ControlPeriod:
    """``faction`` held ``place`` from ``since`` until ``until`` (None: still, as far as known).

    ``evidence`` holds the ids of the (fused) events that support the period; ``within`` names
    the containing place (a neighbourhood's city) when there is one.
    """

    place: str
    faction: str
    since: date | None
    until: date | None
    confidence: float
    evidence: tuple[str, ...]
    gazetteer_id: str | None = None
    within: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True, slots=True)
class Credibility:
    """How far one article's concrete claims hold up: ``score`` in 0..1, ``label`` ``credible``
    or ``fake``, and the ``reasons`` (human-readable, strongest first)."""

    doc_id: str
    score: float
    label: str
    reasons: tuple[str, ...] = ()
    source: str | None = None
