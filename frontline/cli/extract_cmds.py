"""Commands that read articles: extract, batch, ingest; and list stored events and places."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from frontline.cli.common import (
    _FORMATS,
    _db_option,
    _err,
    _filter,
    _filter_options,
    _format_option,
    _open_store,
    _print_diagnostics,
    _print_rows,
    _print_table,
    _read_options,
    _reader_options,
    _stream_extract,
)
from frontline.cli.fuse_cmds import _fuse_new, _fuse_summary


@click.command()
@_reader_options
@_format_option(
    "jsonl",
    "table",
    help="jsonl: one event per line, the output contract; table: a summary to read.",
)
def extract(paths: Sequence[str], fmt: str, **reader: Any) -> None:
    """Extract events from PATHS (files, directories, feed URLs) to standard output; no database."""
    from frontline.export import event_to_dict
    from frontline.pipeline import extract_paths

    counts = {"documents": 0, "errors": 0, "warnings": 0}
    events = _stream_extract(extract_paths(paths, _read_options(**reader)), counts)
    if fmt == "jsonl":
        for event in events:
            click.echo(json.dumps(event_to_dict(event), ensure_ascii=False))
    else:
        _print_table(list(events))
    if counts["documents"] == 0:
        _err(f"error: no document could be read from {len(paths)} input(s)")
        sys.exit(1)


@click.command()
@_reader_options
@click.option(
    "--files-per-partition",
    type=click.IntRange(1),
    default=1,
    show_default=True,
    help="Input files per Dask partition (directories are opened).",
)
@click.option(
    "--scheduler",
    type=click.Choice(["processes", "threads", "synchronous"]),
    default="processes",
    show_default=True,
    help="Dask's local scheduler.",
)
@click.option("--workers", type=click.IntRange(1), help="Worker processes or threads.")
def batch(
    paths: Sequence[str],
    files_per_partition: int,
    scheduler: str,
    workers: int | None,
    **reader: Any,
) -> None:
    """Extract events from PATHS in parallel with Dask (pip install 'frontline[batch]'): JSONL
    on standard output, as `frontline extract` writes it, in input order."""
    from frontline.batch import extract_bag
    from frontline.export import event_to_dict

    bag = extract_bag(paths, _read_options(**reader), files_per_partition=files_per_partition)
    counts = {"documents": 0, "errors": 0, "warnings": 0}
    results = bag.compute(scheduler=scheduler, num_workers=workers)
    for event in _stream_extract(iter(results), counts):
        click.echo(json.dumps(event_to_dict(event), ensure_ascii=False))
    if counts["documents"] == 0:
        _err(f"error: no document could be read from {len(paths)} input(s)")
        sys.exit(1)


@click.command()
@_reader_options
@_db_option
@click.option(
    "--batch-size",
    type=click.IntRange(1),
    default=500,
    show_default=True,
    help="Documents per transaction.",
)
@click.option("--no-fuse", "no_fuse", is_flag=True, help="Do not fuse the added documents' claims.")
def ingest(
    paths: Sequence[str], db: str | None, batch_size: int, no_fuse: bool, **reader: Any
) -> None:
    """Read PATHS, extract their events and store both (idempotent: re-running adds nothing)."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from frontline.pipeline import ingest_paths

    options = _read_options(**reader)
    with (
        _open_store(db) as store,
        Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TextColumn("{task.completed} documents"),
            TimeElapsedColumn(),
            transient=True,
            disable=not sys.stderr.isatty(),
        ) as bar,
    ):
        task = bar.add_task("ingesting", total=None)
        summary = ingest_paths(
            paths, store, options, batch_size=batch_size, progress=lambda n: bar.advance(task, n)
        )
        fused = None if no_fuse else _fuse_new(store)
    _print_diagnostics(summary.diagnostics)
    click.echo(
        f"read {summary.documents_read} documents: {summary.documents_added} added, "
        f"{summary.documents_skipped} already stored; {summary.events_added} events added; "
        f"{len(summary.errors)} errors"
    )
    if fused is not None:
        click.echo(_fuse_summary(fused))
    if summary.documents_read == 0:
        _err(f"error: no document could be read from {len(paths)} input(s)")
        sys.exit(1)


@click.command()
@_db_option
@_filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", *_FORMATS]),
    default="table",
    show_default=True,
    help="A table to read, or jsonl / acled-csv / geojson on standard output.",
)
def events(db: str | None, fmt: str, **filters: Any) -> None:
    """List stored events, filtered."""
    from frontline.export import write_events

    with _open_store(db) as store:
        found = store.events(_filter(**filters))
    if fmt == "table":
        _print_table(found)
    else:
        write_events(found, sys.stdout, fmt)


@click.command()
@_db_option
@_filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(_FORMATS),
    required=True,
    help="jsonl (the output contract), acled-csv (ACLED's columns) or geojson (points).",
)
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="File to write (atomically).",
)
def export(db: str | None, fmt: str, output: Path, **filters: Any) -> None:
    """Export stored events as JSONL, ACLED-shaped CSV or GeoJSON."""
    from frontline.export import export_to_path

    with _open_store(db) as store:
        found = store.events(_filter(**filters))
    written = export_to_path(found, output, fmt)
    click.echo(f"wrote {written} events to {output}")


_PLACE_COLUMNS = (
    "location_text",
    "location",
    "gazetteer_id",
    "geo_status",
    "geo_precision",
    "count",
)


@click.command()
@_db_option
@click.option(
    "--unresolved",
    is_flag=True,
    help="Only the places whose geo status is unresolved or ambiguous.",
)
@_format_option("table", "json", help="A table to read, or a JSON list of objects.")
def places(db: str | None, unresolved: bool, fmt: str) -> None:
    """Place names of stored events with their counts, most frequent first.

    Each row: the place as written, its canonical name, gazetteer id, geo status, geo
    precision and the number of events. With --unresolved, the names the gazetteer could not
    place: add them as aliases (or new places) in frontline/data/place_aliases.toml so that
    later extractions resolve them.
    """
    from dataclasses import asdict

    from frontline.store.places import place_counts

    with _open_store(db) as store:
        found = place_counts(store, unresolved_only=unresolved)
    if fmt == "json":
        click.echo(json.dumps([asdict(p) for p in found], indent=2, ensure_ascii=False))
    else:
        _print_rows(_PLACE_COLUMNS, [asdict(p) for p in found])
