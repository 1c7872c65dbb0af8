"""From text read by a reader to a :class:`~frontline.records.Document`: cleaning applied,
publication date and source decided by one rule for every format.

Publication date, first that applies:

1. ``ReadOptions.published`` (``published_from="given"``);
2. a date from a corpus column, unless the text's own dateline says another day: then the
   dateline wins (``"dateline"``) and the column's date is kept in ``meta["csv_date"]``;
3. a date from HTML or feed metadata (``"metadata"``);
4. the dateline (``"dateline"``);
5. none (``"none"``).

A dateline that was found but not used is kept in ``meta["dateline_date"]``. Source: the
option, else what the input says (column, site name, feed), else a trailing ``Source:`` line;
known outlets become their short code (``outlets.toml``). URL: what the input says, else the
option.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from frontline.ingest.cleaning import Cleaning, clean
from frontline.ingest.options import ReadOptions
from frontline.ingest.outlets import normalise_source
from frontline.records import Document


@dataclass(frozen=True, slots=True)
class Found:
    """What a reader found for one document besides its text."""

    doc_id: str
    origin: str
    title: str | None = None
    title_line: bool = False
    published: date | None = None
    published_from: str = "none"
    source: str | None = None
    url: str | None = None
    meta: Mapping[str, str] = field(default_factory=dict)


def _published(
    given: date | None, found: Found, cleaning: Cleaning
) -> tuple[date | None, str, dict[str, str]]:
    dateline = cleaning.dateline_date
    if given is not None:
        chosen: tuple[date | None, str] = (given, "given")
    elif found.published is None:
        chosen = (dateline, "dateline") if dateline else (None, "none")
    elif found.published_from == "column" and dateline and dateline != found.published:
        return dateline, "dateline", {"csv_date": found.published.isoformat()}
    else:
        chosen = (found.published, found.published_from)
    extra = {}
    if dateline and dateline != chosen[0]:
        extra["dateline_date"] = dateline.isoformat()
    return chosen[0], chosen[1], extra


def make_document(text: str, found: Found, options: ReadOptions) -> Document:
    """The document for ``text``, with its ignored ranges, date, source and title."""
    cleaning = clean(text, title=found.title, title_line=found.title_line)
    published, published_from, extra = _published(options.published, found, cleaning)
    source = normalise_source(options.source or found.source or cleaning.outlet)
    title = cleaning.title if found.title_line else found.title
    return Document(
        doc_id=found.doc_id,
        text=text,
        title=title.strip() if title and title.strip() else None,
        published=published,
        source=source,
        url=found.url or options.url,
        origin=found.origin,
        ignored=cleaning.ignored,
        published_from=published_from,
        meta={**found.meta, **extra},
    )
