"""Commands over fused events: fuse, control, credibility, sources."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

import click

from frontline.cli.common import (
    _db_option,
    _err,
    _format_option,
    _open_store,
    _parse_date,
    _print_rows,
    _reader_options,
    _stream_extractions,
)

if TYPE_CHECKING:
    from frontline.store import Store


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


@click.command()
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


@click.command()
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


@click.command()
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


@click.command()
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
