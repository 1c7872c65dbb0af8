"""Tables of articles: CSV (one row per article) and JSONL (one object per line).

Columns are named by a :class:`~frontline.ingest.options.ColumnMapping`; without one, the
FA-KES layout is recognised and common names are tried (``text``, ``content``, ``body``...).
The text cell is ``Document.text`` exactly as it is in the file.

Row numbers in diagnostics: for CSV, the row as a spreadsheet numbers it (the header is row
1, the first article row 2, a quoted cell spanning several lines still one row); for JSONL,
the line of the file (1-based).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime
from functools import cache

from frontline.ingest.assemble import Found, make_document
from frontline.ingest.options import TEXT_COLUMNS, ColumnMapping, ReadOptions, guess_columns
from frontline.records import Diagnostic, Document

_DELIMITERS = ",;\t|"


@cache
def _raise_field_limit() -> None:
    """Let a cell hold a whole long article (the csv default is 128 KiB)."""
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
        except OverflowError:
            limit //= 2
        else:
            return


def parse_date(raw: str, date_format: str | None) -> date:
    """A date from a cell: by ``date_format`` when given, else ISO 8601 (time allowed)."""
    raw = raw.strip()
    if date_format:
        return datetime.strptime(raw, date_format).date()
    try:
        return datetime.fromisoformat(raw).date()
    except ValueError:
        return date.fromisoformat(raw[:10])


def _no_text_column(origin: str, header: Sequence[str]) -> Diagnostic:
    names = ", ".join(TEXT_COLUMNS)
    return Diagnostic(
        "error",
        origin,
        f"no text column (looked for {names}; the file has {', '.join(header) or 'none'}); "
        "name it with a column mapping, e.g. text=<column>",
    )


def _row(
    record: Mapping[str, str],
    mapping: ColumnMapping,
    where: tuple[str, int, str],
    options: ReadOptions,
) -> Iterator[Document | Diagnostic]:
    """The document of one row, or why there is none; ``where`` is (origin, row, stem)."""
    origin, number, stem = where
    text = record.get(mapping.text, "")
    if not text.strip():
        yield Diagnostic(
            "warning", origin, f"empty text in column {mapping.text!r}; row skipped", number
        )
        return
    cell = {name: record.get(column, "").strip() if column else "" for name, column in (
        ("id", mapping.id), ("title", mapping.title), ("date", mapping.date),
        ("source", mapping.source), ("url", mapping.url), ("location", mapping.location),
    )}  # fmt: skip
    published = None
    if cell["date"]:
        try:
            published = parse_date(cell["date"], mapping.date_format)
        except ValueError:
            expected = mapping.date_format or "ISO 8601, YYYY-MM-DD"
            yield Diagnostic(
                "warning",
                origin,
                f"cannot read the date {cell['date']!r} (expected {expected}); date left out",
                number,
            )
    meta = {key: record.get(column, "").strip() for key, column in mapping.extra}
    if cell["location"]:
        meta["location"] = cell["location"]
    found = Found(
        doc_id=cell["id"] or f"{stem}-{number}",
        origin=origin,
        title=cell["title"] or None,
        published=published,
        published_from="column" if published else "none",
        source=cell["source"] or None,
        url=cell["url"] or None,
        meta={key: value for key, value in meta.items() if value},
    )
    yield make_document(text, found, options)


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _check_ids(
    documents: Iterator[Document | Diagnostic], origin: str, seen: dict[str, int], number: int
) -> Iterator[Document | Diagnostic]:
    for item in documents:
        if isinstance(item, Document):
            if item.doc_id in seen:
                yield Diagnostic(
                    "warning",
                    origin,
                    f"id {item.doc_id!r} already used at row {seen[item.doc_id]}",
                    number,
                )
            seen.setdefault(item.doc_id, number)
        yield item


def read_csv(
    text: str, origin: str, stem: str, options: ReadOptions
) -> Iterator[Document | Diagnostic]:
    """One document per row of a CSV file (see the module docstring for row numbers)."""
    _raise_field_limit()
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        header = [name.strip() for name in next(reader, [])]
    except csv.Error as exc:
        yield Diagnostic("error", origin, f"not a readable CSV header: {exc}", 1)
        return
    if not any(header):
        yield Diagnostic("warning", origin, "empty CSV file, no header and no rows")
        return
    mapping = options.columns or guess_columns(header)
    if mapping is None:
        yield _no_text_column(origin, header)
        return
    missing = mapping.missing(header)
    if missing:
        yield Diagnostic(
            "error",
            origin,
            f"missing column(s) {', '.join(map(repr, missing))} "
            f"(the header has {', '.join(header)}); fix the column mapping",
            1,
        )
        return
    seen: dict[str, int] = {}
    number = 1
    try:
        for number, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue
            record = dict(zip(header, row, strict=False))
            documents = _row(record, mapping, (origin, number, stem), options)
            yield from _check_ids(documents, origin, seen, number)
    except csv.Error as exc:
        yield Diagnostic("error", origin, f"CSV broken after this row, rest skipped: {exc}", number)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def read_jsonl(
    text: str, origin: str, stem: str, options: ReadOptions
) -> Iterator[Document | Diagnostic]:
    """One document per JSON object line (blank lines skipped; numbers are file lines)."""
    mapping = options.columns
    seen: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Diagnostic("error", origin, f"not valid JSON ({exc.msg}); line skipped", number)
            continue
        if not isinstance(value, dict):
            yield Diagnostic("error", origin, "not a JSON object; line skipped", number)
            continue
        if mapping is None:
            mapping = guess_columns(list(value))
            if mapping is None:
                yield _no_text_column(origin, list(value))
                return
        if mapping.text not in value:
            message = f"no {mapping.text!r} field; line skipped"
            yield Diagnostic("error", origin, message, number)
            continue
        record = {key: _cell(item) for key, item in value.items()}
        documents = _row(record, mapping, (origin, number, stem), options)
        yield from _check_ids(documents, origin, seen, number)
