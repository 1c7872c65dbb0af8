"""Runs the stages in order over documents: the one code path for a laptop and for Dask.

``run_one`` is pure in its input (one Document in, one Extraction out); models, lexicons and
the gazetteer load once per process, on first use. ``run_many`` maps it lazily, so a batch
driver can stream partitions of millions of articles through the same function.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from frontline.records import Document, Extraction


def run_one(document: Document) -> Extraction:
    """Extract coded events from one document."""
    from frontline.extract.events import extract_events

    events, diagnostics = extract_events(document)
    return Extraction(document=document, events=tuple(events), diagnostics=tuple(diagnostics))


def run_many(documents: Iterable[Document]) -> Iterator[Extraction]:
    """Extract events from each document in turn (lazily)."""
    for document in documents:
        yield run_one(document)
