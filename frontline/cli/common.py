"""Options and output helpers the ``frontline`` commands share."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

import click

from frontline.errors import SetupError
from frontline.records import Diagnostic, Event

_F = TypeVar("_F", bound=Callable[..., Any])

if TYPE_CHECKING:
    from frontline.store import Store

_FORMATS = ("jsonl", "acled-csv", "geojson")
_TABLE_COLUMNS = (
    "date",
    "event",
    "actor1 → actor2",
    "location (precision)",
    "killed",
    "according to",
    "evidence",
)
_TABLE_WIDTHS = (10, 30, 42, 22, 6, 26, 50)


def _err(message: str) -> None:
    click.echo(message, err=True)


def _parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD") from None


def _read_options(**reader: Any) -> Any:
    """The ``--published/--source/--url/--doc-id/--columns`` options as ReadOptions."""
    from frontline.ingest import ColumnMapping, ReadOptions

    columns = reader.pop("columns")
    mapping = ColumnMapping.parse(columns) if columns else None
    return ReadOptions(columns=mapping, **reader)


def _reader_options(func: Any) -> Any:
    options = [
        click.argument("paths", nargs=-1, required=True),
        click.option(
            "--published",
            callback=_parse_date,
            help="Publication date (YYYY-MM-DD) of the inputs; wins over datelines.",
        ),
        click.option("--source", help="Outlet that published the inputs (e.g. trt, reuters)."),
        click.option("--url", help="URL of the article (text files)."),
        click.option(
            "--doc-id", help="Document id of a single text or HTML file (default: the file name)."
        ),
        click.option(
            "--columns",
            help="CSV/JSONL column mapping, e.g. 'id=unit_id,text=article_content,date=date'.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _format_option(*choices: str, help: str) -> Callable[[_F], _F]:
    """``--format`` with ``choices``, the first the default."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help=help,
    )


def _db_option(func: Any) -> Any:
    return click.option(
        "--db",
        "db",
        help="Database URL (sqlite:///file.db or postgresql://...); default FRONTLINE_DB or sqlite:///frontline.db.",
    )(func)


def _filter_options(func: Any) -> Any:
    options = [
        click.option("--since", callback=_parse_date, help="Events on or after this date."),
        click.option("--until", callback=_parse_date, help="Events on or before this date."),
        click.option("--type", "event_type", help="Event type, e.g. Battles."),
        click.option("--actor", help="Actor (actor1 or actor2), e.g. 'Military Forces of Syria'."),
        click.option("--place", help="Place name."),
        click.option("--source", help="Outlet code."),
        click.option("--limit", type=click.IntRange(0), help="At most this many events."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _filter(**filters: Any) -> Any:
    """The ``--since/--until/--type/--actor/--place/--source/--limit`` options as a filter."""
    from frontline.store import EventFilter

    return EventFilter(**filters)


def _open_store(db: str | None) -> Store:
    """``Store.open``, with a URL naming no known database turned into a fix-it SetupError."""
    from sqlalchemy.exc import ArgumentError

    from frontline.store import Store, resolve_url

    try:
        return Store.open(db)
    except ArgumentError as exc:
        raise SetupError(
            f"cannot use database URL {resolve_url(db)!r}: {exc} — use sqlite:///path.db "
            "or postgresql://user@host:port/dbname (set --db or FRONTLINE_DB)"
        ) from exc


def _print_diagnostics(diagnostics: Iterable[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        _err(str(diagnostic))


def _stream_extract(items: Iterator[Any], counts: dict[str, int]) -> Iterator[Event]:
    for item in items:
        if isinstance(item, Diagnostic):
            counts["errors" if item.level == "error" else "warnings"] += 1
            _print_diagnostics([item])
            continue
        counts["documents"] += 1
        _print_diagnostics(item.diagnostics)
        yield from item.events


def _stream_extractions(
    paths: Sequence[str], reader: dict[str, Any], counts: dict[str, int]
) -> Iterator[Any]:
    from frontline.pipeline import extract_paths

    for item in extract_paths(paths, _read_options(**reader)):
        if isinstance(item, Diagnostic):
            counts["errors" if item.level == "error" else "warnings"] += 1
            _print_diagnostics([item])
            continue
        counts["documents"] += 1
        _print_diagnostics(item.diagnostics)
        yield item


def _table_row(event: Event) -> list[str]:
    place = event.place
    where = f"{place.name} ({place.geo_precision})" if place is not None else ""
    return [
        str(event.event_date or ""),
        event.sub_event_type,
        f"{event.actor1 or '–'} → {event.actor2 or '–'}",
        where,
        "" if event.fatalities is None else str(event.fatalities),
        event.attributed_to or "",
        event.evidence.text,
    ]


def _print_table(events: Sequence[Event]) -> None:
    """One line per event; the evidence is cut to the terminal (the JSONL carries it whole)."""
    from rich.console import Console
    from rich.table import Table

    table = Table(*_TABLE_COLUMNS, show_lines=False)
    for column, width in zip(table.columns, _TABLE_WIDTHS, strict=True):
        column.no_wrap = True
        column.overflow = "ellipsis"
        column.width = width
    for event in events:
        table.add_row(*_table_row(event))
    console = Console(soft_wrap=False)
    console.width = max(console.width, sum(_TABLE_WIDTHS) + 3 * len(_TABLE_WIDTHS) + 1)
    console.print(table)


def _print_rows(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns)
    for row in rows:
        table.add_row(*("" if row[c] is None else str(row[c]) for c in columns))
    Console(soft_wrap=False, width=200).print(table)
