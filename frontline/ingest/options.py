"""What a user tells the readers: :class:`ReadOptions`; for tables, :class:`ColumnMapping`."""

from __future__ import annotations

import urllib.request
from collections.abc import Callable, Collection
from dataclasses import dataclass, fields, replace
from datetime import date

from frontline.errors import SetupError

Fetch = Callable[[str], bytes]
"""Fetches a URL and returns its body; the one door to the network (tests pass a fake)."""

_FETCH_TIMEOUT_S = 30
_USER_AGENT = "frontline/0.1 (+https://github.com/frontline; feed reader)"


def fetch_url(url: str) -> bytes:
    """GET ``url`` over http(s) and return the body (urllib, 30 s timeout)."""
    if not url.lower().startswith(("http://", "https://")):
        raise ValueError(f"not an http(s) URL: {url}")
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    with urllib.request.urlopen(request, timeout=_FETCH_TIMEOUT_S) as response:
        body: bytes = response.read()
    return body


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """Which column (CSV) or key (JSONL) holds each field of a document.

    ``text`` is required; the others are ``None`` when the table has no such column.
    ``location`` goes to ``Document.meta["location"]``; ``extra`` maps further meta keys to
    columns (``(("label", "labels"),)`` puts the ``labels`` column in ``meta["label"]``).
    ``date_format`` is a :func:`~datetime.datetime.strptime` format; without one, dates are
    read as ISO 8601 (``2016-11-28``, with or without a time).
    """

    text: str
    id: str | None = None
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    location: str | None = None
    date_format: str | None = None
    extra: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, spec: str) -> ColumnMapping:
        """Read a mapping from a CLI string: ``"id=unit_id,text=article_content,date=date"``.

        Keys are the field names above (``date_format`` included); any other key becomes a
        meta key (``label=labels``). ``text`` must be given.
        """
        known = {f.name for f in fields(cls)} - {"extra"}
        values: dict[str, str] = {}
        extra: list[tuple[str, str]] = []
        for item in spec.split(","):
            if not item.strip():
                continue
            key, sep, column = (part.strip() for part in item.partition("="))
            if not sep or not key or not column:
                raise SetupError(
                    f"bad column mapping item {item.strip()!r} in {spec!r}: "
                    "write field=column, e.g. text=article_content"
                )
            if key in values or any(key == k for k, _ in extra):
                raise SetupError(f"column mapping {spec!r} names {key!r} twice; keep one")
            if key in known:
                values[key] = column
            else:
                extra.append((key, column))
        if "text" not in values:
            raise SetupError(
                f"column mapping {spec!r} has no text column; add text=<column holding the article>"
            )
        return cls(extra=tuple(extra), **values)

    def columns(self) -> tuple[str, ...]:
        """Every column this mapping reads, in field order."""
        named = (self.text, self.id, self.title, self.date, self.source, self.url, self.location)
        return tuple(c for c in named if c is not None) + tuple(c for _, c in self.extra)

    def missing(self, header: Collection[str]) -> tuple[str, ...]:
        """The mapped columns that ``header`` lacks."""
        return tuple(c for c in self.columns() if c not in header)


FAKES_COLUMNS = ColumnMapping(
    id="unit_id",
    title="article_title",
    text="article_content",
    date="date",
    source="source",
    location="location",
    date_format="%m/%d/%Y",
    extra=(("label", "labels"),),
)
"""The FA-KES corpus layout (Salem et al. 2019), recognised without options."""

TEXT_COLUMNS = ("text", "content", "body", "article", "article_content", "article_text")
"""Column names tried, in order, for the article text when no mapping is given."""

_GUESSES: dict[str, tuple[str, ...]] = {
    "text": TEXT_COLUMNS,
    "id": ("id", "doc_id", "document_id", "unit_id", "article_id"),
    "title": ("title", "headline", "article_title"),
    "date": ("date", "published", "publication_date", "pubdate", "published_at"),
    "source": ("source", "outlet", "publisher"),
    "url": ("url", "link"),
    "location": ("location", "place"),
}


def guess_columns(header: Collection[str]) -> ColumnMapping | None:
    """The mapping for a header: FA-KES when it is FA-KES, else common names (any case).

    ``None`` when no column looks like the article text.
    """
    if {FAKES_COLUMNS.id, FAKES_COLUMNS.text} <= set(header):
        return _only_present(FAKES_COLUMNS, header)
    by_lower = {name.strip().casefold(): name for name in header}
    found: dict[str, str] = {}
    for field_name, candidates in _GUESSES.items():
        for candidate in candidates:
            if candidate in by_lower:
                found[field_name] = by_lower[candidate]
                break
    if "text" not in found:
        return None
    return ColumnMapping(
        text=found["text"],
        id=found.get("id"),
        title=found.get("title"),
        date=found.get("date"),
        source=found.get("source"),
        url=found.get("url"),
        location=found.get("location"),
    )


def _only_present(mapping: ColumnMapping, header: Collection[str]) -> ColumnMapping:
    """``mapping`` without the optional columns ``header`` lacks."""
    optional = ("id", "title", "date", "source", "url", "location")
    gone = {name: None for name in optional if getattr(mapping, name) not in header}
    extra = tuple((key, column) for key, column in mapping.extra if column in header)
    return replace(mapping, extra=extra, **gone)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read the inputs of one :func:`~frontline.ingest.iter_documents` call.

    ``published`` and ``source`` override what the inputs say (``published`` wins over
    datelines, columns and metadata: ``published_from == "given"``); ``url`` is used where
    the input gives none (a text file). ``doc_id`` names the one
    document of a single text or HTML file. ``columns`` maps table columns (CSV, JSONL);
    without it FA-KES is recognised and common column names are tried. ``fetch`` reads feed
    URLs (the network; pass a fake in tests).
    """

    published: date | None = None
    source: str | None = None
    url: str | None = None
    doc_id: str | None = None
    columns: ColumnMapping | None = None
    fetch: Fetch = fetch_url
