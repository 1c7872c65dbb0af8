"""The ``frontline`` command: a thin shell over the library, one library call per command.

Diagnostics go to standard error, one line each (``error: FILE:ROW: message``); results go to
standard output or to the file named with ``-o``. A command exits non-zero when nothing could
be read, or when the environment is wrong (with a message that says how to fix it).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from frontline import __version__
from frontline.errors import FrontlineError, SetupError
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


@click.group()
@click.version_option(__version__, prog_name="frontline")
def main() -> None:
    """frontline: war reporting in, coded, dated, geolocated and attributed events out."""


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


@main.command()
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


@main.command()
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


@main.command()
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


def _fuse_new(store: Store) -> Any:
    """Fuse the claims of the stored documents fusion has not seen yet."""
    from frontline.fuse.update import fuse_store, unfused_documents

    return fuse_store(store, unfused_documents(store))


def _fuse_summary(report: Any) -> str:
    return (
        f"fused {report.claims} claims: {report.components} components re-fused into "
        f"{report.fused_events} events ({report.removed} replaced); "
        f"{report.copies} documents are copies"
    )


@main.command()
@_db_option
@click.option(
    "--rebuild", is_flag=True, help="Fuse every claim again instead of only the new documents'."
)
def fuse(db: str | None, rebuild: bool) -> None:
    """Cluster stored claims into events, with copies folded, sources and contradictions."""
    from frontline.fuse.update import fuse_store

    with _open_store(db) as store:
        report = fuse_store(store) if rebuild else _fuse_new(store)
    click.echo(_fuse_summary(report))


@main.command("eval-fusion")
@click.option(
    "--gold",
    "gold",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    multiple=True,
    required=True,
    help="Gold clusters (JSONL, one claim per line); repeat for several files.",
)
@click.argument("corpus", nargs=-1, required=True)
@_format_option("text", "json", help="text: a report to read; json: the scores.")
@click.option(
    "--errors",
    "errors_of",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Also list the missed and spurious claim pairs of this gold file (a development "
    "split: never a held-out one).",
)
def eval_fusion(
    gold: Sequence[Path], corpus: Sequence[str], fmt: str, errors_of: Path | None
) -> None:
    """Score event fusion over CORPUS against hand-made clusters (pairwise and B-cubed)."""
    from frontline.fuse.score import (
        assignment,
        format_errors,
        format_score,
        fuse_corpus,
        pair_errors,
        read_clusters,
        score_clusters,
    )

    events, fused = fuse_corpus(corpus)
    predicted = assignment(fused, events)
    scores = {str(path): score_clusters(read_clusters(path), predicted) for path in gold}
    if fmt == "json":
        click.echo(json.dumps({k: s.as_dict() for k, s in scores.items()}, indent=2))
    else:
        click.echo("\n".join(format_score(s, k) for k, s in scores.items()))
    if errors_of is not None:
        labels = read_clusters(errors_of)
        click.echo(format_errors(pair_errors(labels, predicted), labels), err=fmt == "json")


def _filter(**filters: Any) -> Any:
    """The ``--since/--until/--type/--actor/--place/--source/--limit`` options as a filter."""
    from frontline.store import EventFilter

    return EventFilter(**filters)


@main.command()
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


@main.command()
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


@main.command()
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


def _print_rows(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns)
    for row in rows:
        table.add_row(*("" if row[c] is None else str(row[c]) for c in columns))
    Console(soft_wrap=False, width=200).print(table)


@main.command("eval")
@click.option(
    "--gold",
    "gold",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    required=True,
    help="Gold events (JSONL, one document per line).",
)
@click.argument("corpus", nargs=-1, required=True)
@click.option(
    "--errors", is_flag=True, help="List every missed and spurious event with its sentence."
)
@_format_option("text", "json", help="text: a report to read; json: the scores.")
def evaluate_command(gold: Path, corpus: Sequence[str], errors: bool, fmt: str) -> None:
    """Score extraction over CORPUS against the gold events of --gold."""
    from frontline.evaluation import evaluate, format_report

    report = evaluate(gold, corpus)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), indent=2))
    else:
        click.echo(format_report(report, errors=errors))


@main.command()
@_db_option
@click.option("--place", required=True, help="Place name, e.g. Aleppo (it and the places inside).")
@click.option("--date", "on", callback=_parse_date, required=True, help="Day (YYYY-MM-DD).")
@click.option("--refresh", is_flag=True, help="Recompute the timeline from stored changes first.")
@_format_option(
    "table", "json", help="table: holders and shares to read; json: one object per place."
)
def control(db: str | None, place: str, on: date, refresh: bool, fmt: str) -> None:
    """Who held PLACE and each place inside it on --date, with confidence and evidence."""
    from frontline.fuse.control import area_dict, period_dict
    from frontline.fuse.control_shares import format_shares
    from frontline.store.control import control_view

    with _open_store(db) as store:
        view = control_view(store, place, on, refresh=refresh)
    rows = [period_dict(p) for p in view.holders] + [area_dict(a) for a in view.areas]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for row in rows:
        row["evidence"] = ", ".join(row["evidence"])
    columns = ("level", "place", "within", "faction", "since", "until", "confidence", "evidence")
    _print_rows(columns, rows)
    for line in format_shares(view.shares) if view.shares else []:
        click.echo(line)


@main.command("eval-control")
@click.option(
    "--gold",
    "gold",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    required=True,
    help="Gold file whose control_changes are scored (JSONL, one document per line).",
)
@click.argument("corpus", nargs=-1, required=True)
@_format_option("text", "json", help="text: a report to read; json: the figures and every change.")
def eval_control_command(gold: Path, corpus: Sequence[str], fmt: str) -> None:
    """Score the control timeline derived from CORPUS against the gold control changes."""
    from frontline.fuse.control_score import evaluate_control, format_control_score

    score = evaluate_control(gold, corpus)
    if fmt == "json":
        click.echo(json.dumps(score.as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(format_control_score(score))


@main.command()
@_reader_options
@_format_option(
    "jsonl",
    "table",
    help="jsonl: doc_id, score, label, reasons per article; table: a summary to read.",
)
@click.option(
    "--claims", "with_claims", is_flag=True, help="jsonl: add each claim's score and reasons."
)
def credibility(paths: Sequence[str], fmt: str, with_claims: bool, **reader: Any) -> None:
    """Score how credible each article of PATHS is (0-1), with the reasons; no database."""
    from dataclasses import asdict

    from frontline.fuse.credibility import claim_reports, corpus_features, score

    counts = {"documents": 0, "errors": 0, "warnings": 0}
    extractions = list(_stream_extractions(paths, reader, counts))
    if counts["documents"] == 0:
        _err(f"error: no document could be read from {len(paths)} input(s)")
        sys.exit(1)
    features = corpus_features(extractions)
    records = [score(f) for f in features]
    if fmt == "jsonl":
        for r, f in zip(records, features, strict=True):
            line = {"doc_id": r.doc_id, "score": r.score, "label": r.label, "reasons": r.reasons}
            if with_claims:
                line["claims"] = [asdict(c) for c in claim_reports(f)]
            click.echo(json.dumps(line, ensure_ascii=False))
    else:
        rows = [{**asdict(r), "reasons": "; ".join(r.reasons)} for r in records]
        _print_rows(("doc_id", "source", "score", "label", "reasons"), rows)


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


@main.command()
@_db_option
@_format_option(
    "table", "json", help="A table to read, or a JSON list (with each outlet's quarters)."
)
def sources(db: str | None, fmt: str) -> None:
    """Outlets in the store: camp, articles, mean credibility, share credible, per quarter."""
    from dataclasses import asdict

    from frontline.store.credibility import outlet_reliability

    with _open_store(db) as store:
        found = outlet_reliability(store)
    if fmt == "json":
        click.echo(json.dumps([asdict(o) for o in found], indent=2, ensure_ascii=False))
        return
    rows = [
        {
            **asdict(o),
            "by quarter": ", ".join(f"{p.period} {p.mean_score:.2f}" for p in o.periods),
        }
        for o in found
    ]
    columns = ("source", "camp", "articles", "mean_score", "credible_share", "by quarter")
    _print_rows(columns, rows)


@main.command("eval-credibility")
@click.argument("corpus", nargs=-1, required=True)
@click.option("--folds", type=click.IntRange(2), default=5, show_default=True, help="Folds.")
@_format_option("text", "json", help="text: a report to read; json: the scores.")
def eval_credibility(corpus: Sequence[str], folds: int, fmt: str) -> None:
    """Cross-validate the credibility model on labelled CORPUS (FA-KES layout); writes nothing."""
    from frontline.fuse.credibility_model import evaluate, labelled_corpus

    extractions, labels = labelled_corpus(corpus)
    evaluation, _ = evaluate(extractions, labels, folds)
    reports = {
        "grouped": [r.as_dict() for r in evaluation.reports],
        "chosen": evaluation.chosen.name,
        "by_source": evaluation.by_source.as_dict(),
        "stratified": evaluation.stratified.as_dict(),
    }
    if fmt == "json":
        click.echo(json.dumps(reports, indent=2))
        return
    for r in [*evaluation.reports, evaluation.by_source, evaluation.stratified]:
        line = f"{r.name:<28} {r.folds:>2} folds  macro-F1 {r.macro_f1:.3f}"
        click.echo(f"{line}  accuracy {r.accuracy:.3f}")
    click.echo(f"chosen by grouped CV: {evaluation.chosen.name}")


@main.group()
def gazetteer() -> None:
    """The offline gazetteer: build it from source files."""


@gazetteer.command("build")
@click.option(
    "--source",
    "source_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("data/geo"),
    show_default=True,
    help="Folder of gazetteer source files.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write the index (default: the package's own).",
)
def gazetteer_build(source_dir: Path, out_dir: Path | None) -> None:
    """Build the gazetteer index from a folder of GeoNames / OCHA / OpenSyria / city files."""
    from frontline.geo.build import build_index
    from frontline.geo.normalize import GAZETTEER_DIR

    manifest = build_index(source_dir, out_dir or GAZETTEER_DIR)
    click.echo(json.dumps(manifest.to_dict(), indent=2, ensure_ascii=False))


def _settings(config: Path | None, db: str | None) -> Any:
    """The settings of ``--config`` (else FRONTLINE_CONFIG) and the environment, ``--db`` last."""
    from frontline.config import load_settings, with_overrides

    return with_overrides(load_settings(config), db=db)


_CONFIG_OPTION = click.option(
    "--config",
    "config",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Settings file (TOML; see frontline.example.toml); default FRONTLINE_CONFIG.",
)


@main.command()
@_db_option
@_CONFIG_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--watch", "watch_feeds", is_flag=True, help="Poll the configured feeds meanwhile.")
def serve(db: str | None, config: Path | None, host: str, port: int, watch_feeds: bool) -> None:
    """Serve the HTTP API and the map page (OpenAPI description at /docs and /openapi.json)."""
    import logging

    import uvicorn

    from frontline.api import create_app

    settings = _settings(config, db)
    background = None
    if watch_feeds:
        if not settings.feeds:
            raise SetupError("--watch needs feeds: set [watch] feeds or FRONTLINE_FEEDS")
        background = _background_watcher(settings)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    uvicorn.run(
        create_app(settings, background=background),
        host=host,
        port=port,
        proxy_headers=False,  # the app reads X-Forwarded-For itself ([api] trusted_proxies)
    )


def _background_watcher(settings: Any) -> Any:
    from frontline.watch import Watcher, start_in_background

    def start(ctx: Any) -> Any:
        watcher = Watcher(
            ctx.store,
            settings.feeds,
            interval_s=settings.feed_interval_s,
            max_backoff_s=settings.max_backoff_s,
        )
        return start_in_background(watcher)

    return start


@main.command()
@_db_option
@_CONFIG_OPTION
@click.option(
    "--feed", "feeds", multiple=True, help="A feed URL or file (repeatable); default: configured."
)
@click.option(
    "--interval", type=click.FloatRange(min=0.1), help="Seconds between polls (default 900)."
)
@click.option("--max-polls", type=click.IntRange(1), help="Stop after this many polls.")
@click.option("--once", is_flag=True, help="Poll once and stop (same as --max-polls 1).")
def watch(
    db: str | None,
    config: Path | None,
    feeds: tuple[str, ...],
    interval: float | None,
    max_polls: int | None,
    once: bool,
) -> None:
    """Poll RSS/Atom feeds, ingest only new items, and update events, control and scores."""
    import logging

    from frontline.watch import Watcher

    settings = _settings(config, db)
    chosen = feeds or settings.feeds
    if not chosen:
        raise SetupError("no feeds: pass --feed URL or set [watch] feeds / FRONTLINE_FEEDS")
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    with _open_store(settings.db) as store:
        watcher = Watcher(
            store,
            chosen,
            interval_s=interval or settings.feed_interval_s,
            max_backoff_s=settings.max_backoff_s,
        )
        polls = watcher.run(max_polls=1 if once else max_polls)
    failing = [s.url for s in watcher.states if s.failures]
    click.echo(f"{polls} polls of {len(chosen)} feeds; failing now: {', '.join(failing) or 'none'}")


@main.command()
def about() -> None:
    """Version, and the licences and attributions of the bundled data."""
    from importlib import resources

    click.echo(f"frontline {__version__}")
    attribution = resources.files("frontline.data").joinpath("gazetteer/ATTRIBUTION.md")
    if attribution.is_file():
        click.echo(attribution.read_text(encoding="utf-8"))


def run() -> None:
    """Entry point that turns frontline's errors into one-line messages and exit codes."""
    try:
        main(standalone_mode=True)
    except FrontlineError as exc:
        _err(f"error: {exc}")
        sys.exit(2 if isinstance(exc, SetupError) else 1)


if __name__ == "__main__":
    run()
