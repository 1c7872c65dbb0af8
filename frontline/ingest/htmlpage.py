"""Web pages: the main text and metadata (title, date, site name, URL) by trafilatura.

``Document.text`` is the main text as trafilatura extracts it: for a web page, that is the
text as read. Boilerplate (menus, footers) is left out by the extractor.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from frontline.ingest.assemble import Found, make_document
from frontline.ingest.options import ReadOptions
from frontline.records import Diagnostic, Document


def _date(value: object) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def read_html(
    markup: str, origin: str, doc_id: str, options: ReadOptions
) -> Iterator[Document | Diagnostic]:
    """One document from one page; a warning when the page has no main text."""
    import trafilatura  # heavy: loaded on first use

    try:
        extracted = trafilatura.bare_extraction(
            markup, url=options.url, with_metadata=True, include_comments=False
        )
    except (ValueError, TypeError, AttributeError) as exc:  # the extractor's own failures
        yield Diagnostic("error", origin, f"cannot parse the HTML page: {exc}")
        return
    text = _str(getattr(extracted, "text", None))
    if extracted is None or text is None:
        yield Diagnostic("warning", origin, "no main text found in the HTML page; skipped")
        return
    text = str(getattr(extracted, "text", ""))
    published = _date(getattr(extracted, "date", None))
    found = Found(
        doc_id=options.doc_id or doc_id,
        origin=origin,
        title=_str(getattr(extracted, "title", None)),
        published=published,
        published_from="metadata" if published else "none",
        source=_str(getattr(extracted, "sitename", None))
        or _str(getattr(extracted, "hostname", None)),
        url=_str(getattr(extracted, "url", None)),
    )
    yield make_document(text, found, options)
