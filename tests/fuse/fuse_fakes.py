"""Shared helpers of the fuse tests: FA-KES rows as documents, extracted once per process."""

from __future__ import annotations

import csv
import functools
from datetime import datetime
from pathlib import Path

from frontline.pipeline import run_one
from frontline.records import Document, Event, FusedEvent

ROOT = Path(__file__).resolve().parents[2]
FAKES = ROOT / "samples" / "fakes_dev.csv"
TRT = ROOT / "samples" / "aleppo_2016-11-28_trt.txt"


@functools.cache
def fakes_rows() -> tuple[dict[str, str], ...]:
    with FAKES.open(encoding="utf-8") as handle:
        return tuple(csv.DictReader(handle))


def row_document(row: dict[str, str], doc_id: str | None = None) -> Document:
    return Document(
        doc_id=doc_id or row["unit_id"],
        text=row["article_content"],
        published=datetime.strptime(row["date"], "%m/%d/%Y").date(),
        source=row["source"],
    )


@functools.cache
def fakes_documents() -> tuple[Document, ...]:
    """Every FA-KES dev row (duplicated ids keep the first row)."""
    seen: dict[str, Document] = {}
    for row in fakes_rows():
        seen.setdefault(row["unit_id"], row_document(row))
    return tuple(seen.values())


@functools.cache
def extracted(doc_ids: tuple[str, ...]) -> tuple[Event, ...]:
    wanted = set(doc_ids)
    events: list[Event] = []
    for document in fakes_documents():
        if document.doc_id in wanted:
            events.extend(run_one(document).events)
    return tuple(events)


def rows_where(location: str, year_month: tuple[str, ...]) -> tuple[str, ...]:
    """Ids of the FA-KES rows about ``location`` published in the given months (M/YYYY)."""
    ids = []
    for row in fakes_rows():
        month, _day, year = row["date"].split("/")
        if row["location"] == location and f"{int(month)}/{year}" in year_month:
            ids.append(row["unit_id"])
    return tuple(dict.fromkeys(ids))


@functools.cache
def read_documents() -> dict[str, Document]:
    """FA-KES dev as the CLI reads it (cleaned, the dateline read from the text), by doc_id."""
    from frontline.ingest import ReadOptions, iter_documents

    found: dict[str, Document] = {}
    for item in iter_documents([FAKES], ReadOptions()):
        if isinstance(item, Document):
            found.setdefault(item.doc_id, item)
    return found


@functools.cache
def read_and_fused(doc_ids: tuple[str, ...]) -> tuple[tuple[Event, ...], tuple[FusedEvent, ...]]:
    """The claims the CLI extracts from ``doc_ids`` and the events fusion makes of them."""
    from frontline.fuse import fuse_claims

    events = tuple(e for d in doc_ids for e in run_one(read_documents()[d]).events)
    return events, tuple(fuse_claims(events))
