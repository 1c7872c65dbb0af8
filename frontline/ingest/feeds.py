"""RSS and Atom feeds (feedparser), from a file or a URL: one document per entry.

An entry's text is its content (or summary) with the HTML tags taken out, paragraphs kept
as blank-line-separated blocks; that is the text as read. Its id is stable across runs:
``feed-`` and the first 16 hex digits of the SHA-1 of the entry id (or link, or title).
"""

from __future__ import annotations

import hashlib
import html
import io
import re
import time
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from frontline.ingest.assemble import Found, make_document
from frontline.ingest.options import ReadOptions
from frontline.ingest.outlets import outlet_code
from frontline.records import Diagnostic, Document

_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
    | {"tr", "table", "section", "article", "figure", "figcaption", "pre", "header", "footer"}
)
_SPACES = re.compile(r"[^\S\n]+")
_ID_DIGITS = 16


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment: tags removed, one blank line between blocks."""
    if "<" not in fragment:
        raw = html.unescape(fragment)
    else:
        from lxml import etree
        from lxml import html as lxml_html

        try:
            root = lxml_html.fragment_fromstring(fragment, create_parent="div")
        except (etree.ParserError, ValueError):
            return ""
        for junk in root.xpath("//script|//style"):
            junk.drop_tree()
        for element in root.iter():
            if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
                element.tail = "\n" + (element.tail or "")
        raw = root.text_content()
    blocks = (_SPACES.sub(" ", line).strip() for line in raw.splitlines())
    return "\n\n".join(block for block in blocks if block)


def entry_id(entry: Mapping[str, Any], text: str) -> str:
    """A stable id for a feed entry, from its id, link, or title and date."""
    key = entry.get("id") or entry.get("link") or entry.get("title") or text
    digest = hashlib.sha1(str(key).encode("utf-8"), usedforsecurity=False).hexdigest()
    return f"feed-{digest[:_ID_DIGITS]}"


def _entry_text(entry: Mapping[str, Any]) -> str:
    contents = [c for c in entry.get("content", []) if c.get("value")]
    detail = max(contents, key=lambda c: len(c["value"])) if contents else None
    if detail is None:
        detail = entry.get("summary_detail") or {"value": entry.get("summary", "")}
    value = str(detail.get("value") or "")
    if detail.get("type") == "text/plain":
        return value.strip()
    return html_to_text(value)


def _entry_date(entry: Mapping[str, Any]) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _feed_source(feed: Mapping[str, Any], entry: Mapping[str, Any]) -> str | None:
    """The outlet of a feed: a known outlet from its site or title, else its domain."""
    link = feed.get("link") or entry.get("link") or ""
    host = (urlsplit(link).hostname or "").removeprefix("www.") or None
    title = feed.get("title") or None
    for candidate in (host, title):
        if candidate and outlet_code(candidate):
            return outlet_code(candidate)
    return host or title


def read_feed(data: bytes, origin: str, options: ReadOptions) -> Iterator[Document | Diagnostic]:
    """One document per entry of the feed in ``data``; diagnostics for a bad feed or entry."""
    import feedparser  # loaded on first use

    parsed = feedparser.parse(io.BytesIO(data))
    entries = list(parsed.entries)
    if parsed.bozo and not entries:
        reason = parsed.get("bozo_exception") or "no entries"
        yield Diagnostic("error", origin, f"malformed feed, not readable as RSS/Atom: {reason}")
        return
    if not entries:
        yield Diagnostic("warning", origin, "the feed has no entries")
        return
    if parsed.bozo:
        reason = parsed.get("bozo_exception")
        yield Diagnostic(
            "warning", origin, f"feed is not well-formed ({reason}); read {len(entries)} entries"
        )
    for number, entry in enumerate(entries, start=1):
        text = _entry_text(entry)
        if not text:
            name = entry.get("title") or entry.get("link") or "untitled"
            yield Diagnostic("warning", origin, f"entry {number} ({name}) has no text; skipped")
            continue
        published = _entry_date(entry)
        found = Found(
            doc_id=entry_id(entry, text),
            origin=origin,
            title=html_to_text(entry.get("title", "")) or None,
            published=published,
            published_from="metadata" if published else "none",
            source=_feed_source(parsed.feed, entry),
            url=entry.get("link") or None,
            meta={"feed_entry": str(number)},
        )
        yield make_document(text, found, options)
