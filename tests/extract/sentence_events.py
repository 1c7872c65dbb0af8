"""Shared helper of the extraction tests: the events frontline finds in a short real text."""

from __future__ import annotations

from datetime import date

from frontline.extract.events import extract_events
from frontline.records import Document, Event


def events_of(text: str, published: date, source: str = "x", location: str = "") -> list[Event]:
    """Events of ``text`` as one document published on ``published`` by ``source``; a
    ``location`` is the corpus's own place column (FA-KES ``location``)."""
    meta = {"location": location} if location else {}
    document = Document(doc_id="t", text=text, published=published, source=source, meta=meta)
    events, _ = extract_events(document)
    return events
