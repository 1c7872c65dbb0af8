"""Runs the stages in order over documents: the one code path for a laptop and for Dask.

``run_one`` is pure in its input (one Document in, one Extraction out); lexicons and the
gazetteer load once per process, on first use. ``run_many`` maps it lazily, so a batch driver
can stream partitions of millions of articles through the same function. ``extract_paths`` and
``ingest_paths`` put the readers in front and, for the latter, the store behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from frontline.records import Diagnostic, Document, Extraction

if TYPE_CHECKING:
    from frontline.ingest import ReadOptions
    from frontline.store import Store

Progress = Callable[[int], None]


def run_one(document: Document) -> Extraction:
    """Extract coded events from one document."""
    from frontline.extract.events import extract_events
    from frontline.extract.triage import triage_if_enabled

    events, diagnostics = extract_events(document)
    extraction = Extraction(document=document, events=tuple(events), diagnostics=tuple(diagnostics))
    return triage_if_enabled(extraction)  # the trained check on the rules' candidates


def run_many(documents: Iterable[Document]) -> Iterator[Extraction]:
    """Extract events from each document in turn (lazily)."""
    for document in documents:
        yield run_one(document)


def extract_paths(
    paths: Sequence[str | Path], options: ReadOptions | None = None
) -> Iterator[Extraction | Diagnostic]:
    """Read the inputs and extract each document: Extractions, and Diagnostics for bad input."""
    from frontline.ingest import ReadOptions, iter_documents

    for item in iter_documents(paths, options or ReadOptions()):
        if isinstance(item, Diagnostic):
            yield item
        else:
            yield run_one_recorded(item)


def run_one_recorded(document: Document) -> Extraction | Diagnostic:
    """``run_one``, with a failure on one document recorded as an error diagnostic naming it
    (and the batch going on) instead of stopping a run over millions of articles."""
    try:
        return run_one(document)
    except Exception as exc:  # one bad document must not stop the batch; it is recorded
        where = document.origin or document.doc_id
        message = f"extraction failed on document {document.doc_id}: {type(exc).__name__}: {exc}"
        return Diagnostic("error", where, message)


@dataclass
class IngestSummary:
    """What one ``ingest_paths`` call did, over all its batches."""

    documents_read: int = 0
    documents_added: int = 0
    documents_skipped: int = 0
    events_added: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.level == "error"]


def ingest_paths(
    paths: Sequence[str | Path],
    store: Store,
    options: ReadOptions | None = None,
    *,
    batch_size: int = 500,
    progress: Progress | None = None,
) -> IngestSummary:
    """Read, extract and store, ``batch_size`` documents per transaction.

    A batch either lands whole or not at all; a bad input is recorded as a diagnostic and
    skipped. Re-running over the same inputs adds nothing (documents are keyed by content).
    """
    summary = IngestSummary()
    batch: list[Extraction] = []
    pending: list[Diagnostic] = []

    def flush() -> None:
        report = store.ingest(batch, pending)
        summary.documents_added += report.documents_added
        summary.documents_skipped += report.documents_skipped
        summary.events_added += report.events_added
        batch.clear()
        pending.clear()

    for item in extract_paths(paths, options):
        if isinstance(item, Diagnostic):
            summary.diagnostics.append(item)
            pending.append(item)
            continue
        summary.diagnostics.extend(item.diagnostics)
        summary.documents_read += 1
        batch.append(item)
        if progress:
            progress(1)
        if len(batch) >= batch_size:
            flush()
    if batch or pending:
        flush()
    return summary
