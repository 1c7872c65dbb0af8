"""Credibility scores in the store: written per document, read back per outlet over time.

``write_credibility`` replaces the rows of the documents it is given in one transaction (so
re-running changes nothing); ``outlet_reliability`` summarises them per outlet: its camp,
how many articles, their mean score, the share labelled credible, and the same per quarter.
Values only ever travel as bound parameters.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from frontline.errors import StoreError
from frontline.records import Credibility, Document, Event, Extraction
from frontline.store.schema import CredibilityRow
from frontline.store.store import Store
from frontline.store.url import display_url

_WRITE = {"frontline_write": True}
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class PeriodReliability:
    """One outlet's scores in one period (``2016-Q4``; ``undated`` when not known)."""

    period: str
    articles: int
    mean_score: float
    credible_share: float


@dataclass(frozen=True, slots=True)
class OutletReliability:
    """One outlet's stored scores, overall and per ``periods``."""

    source: str
    camp: str
    articles: int
    mean_score: float
    credible_share: float
    periods: tuple[PeriodReliability, ...]


def stored_extractions(store: Store) -> list[Extraction]:
    """Every stored document (its newest version) with its stored events."""
    newest: dict[str, Document] = {}
    for document in store.documents():
        newest[document.doc_id] = document
    events: dict[str, list[Event]] = defaultdict(list)
    for event in store.events():
        events[event.doc_id].append(event)
    return [Extraction(d, tuple(events.get(d.doc_id, ()))) for d in newest.values()]


def write_credibility(
    store: Store, records: Sequence[Credibility], published: Mapping[str, date | None]
) -> None:
    """Replace the credibility rows of these documents, all in one transaction."""
    ids = [r.doc_id for r in records]
    with _session(store, writing=True) as session, session.begin():
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            session.execute(delete(CredibilityRow).where(CredibilityRow.doc_id.in_(chunk)))
        latest = {r.doc_id: r for r in records}
        session.add_all(
            CredibilityRow(
                doc_id=r.doc_id,
                source=r.source,
                published=published.get(r.doc_id),
                score=r.score,
                label=r.label,
                reasons=list(r.reasons),
            )
            for r in latest.values()
        )


def read_credibility(store: Store, source: str | None = None) -> list[Credibility]:
    """Stored scores (of one outlet, when ``source`` is given), by document id."""
    stmt = select(CredibilityRow).order_by(CredibilityRow.doc_id)
    if source is not None:
        stmt = stmt.where(CredibilityRow.source == source)
    with _session(store) as session:
        return [
            Credibility(r.doc_id, r.score, r.label, tuple(r.reasons), r.source)
            for r in session.scalars(stmt)
        ]


def outlet_reliability(store: Store) -> list[OutletReliability]:
    """Per outlet: camp, articles, mean score, share credible, and per quarter; most first."""
    from frontline.fuse.credibility import CREDIBLE, camp_of

    stmt = select(CredibilityRow.source, CredibilityRow.published, CredibilityRow.score,
                  CredibilityRow.label)  # fmt: skip
    by_source: dict[str, list[tuple[date | None, float, bool]]] = defaultdict(list)
    with _session(store) as session:
        for source, published, value, label in session.execute(stmt):
            by_source[source or "unknown"].append((published, value, label == CREDIBLE))
    found = [_summary(source, camp_of(source), rows) for source, rows in by_source.items()]
    return sorted(found, key=lambda o: (-o.articles, o.source))


def quarter(day: date | None) -> str:
    return "undated" if day is None else f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _summary(
    source: str, camp: str, rows: Sequence[tuple[date | None, float, bool]]
) -> OutletReliability:
    periods: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    for published, value, credible in rows:
        periods[quarter(published)].append((value, credible))
    mean, share = _means((v, c) for _, v, c in rows)
    return OutletReliability(
        source=source,
        camp=camp,
        articles=len(rows),
        mean_score=mean,
        credible_share=share,
        periods=tuple(
            PeriodReliability(p, len(items), *_means(items)) for p, items in sorted(periods.items())
        ),
    )


def _means(items: Iterable[tuple[float, bool]]) -> tuple[float, float]:
    pairs = list(items)
    if not pairs:
        return 0.0, 0.0
    return (
        round(sum(v for v, _ in pairs) / len(pairs), 4),
        round(sum(c for _, c in pairs) / len(pairs), 4),
    )


@contextmanager
def _session(store: Store, *, writing: bool = False) -> Iterator[Session]:
    engine = store.engine.execution_options(**_WRITE) if writing else store.engine
    try:
        with Session(engine) as session:
            yield session
    except SQLAlchemyError as exc:
        verb = "write to" if writing else "read"
        raise StoreError(f"could not {verb} {display_url(store.url)}: {exc}") from exc
