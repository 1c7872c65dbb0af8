"""Plain-text articles: the whole decoded file is the text, its first line the title."""

from __future__ import annotations

from collections.abc import Iterator

from frontline.ingest.assemble import Found, make_document
from frontline.ingest.options import ReadOptions
from frontline.records import Diagnostic, Document


def read_text(
    text: str, origin: str, doc_id: str, options: ReadOptions
) -> Iterator[Document | Diagnostic]:
    """One document: ``text`` as decoded, the first non-empty line as title (ignored)."""
    if not text.strip():
        yield Diagnostic("warning", origin, "empty file, no article to read; skipped")
        return
    found = Found(doc_id=options.doc_id or doc_id, origin=origin, title_line=True)
    yield make_document(text, found, options)
