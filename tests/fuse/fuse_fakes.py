"""Shared helpers of the fuse tests: FA-KES rows as documents, extracted once per process."""

from __future__ import annotations

import csv
import functools
from datetime import datetime
from pathlib import Path

from frontline.pipeline import run_one
from frontline.records import Document, Event

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
