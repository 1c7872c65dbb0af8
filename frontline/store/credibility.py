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
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from frontline.errors import StoreError
from frontline.records import Credibility, Document, Event, Extraction, FusedEvent
from frontline.store.fused import row_to_fused, stored_copies
from frontline.store.mapping import row_to_document, row_to_event
from frontline.store.schema import (
    CredibilityRow,
    DocumentRow,
    EventRow,
    FusedEventRow,
    FusedMemberRow,
)
from frontline.store.store import Store
from frontline.store.url import display_url

if TYPE_CHECKING:
    from frontline.fuse.credibility_fused import StoredIndex

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


def stored_index(
    store: Store, doc_ids: Iterable[str] | None = None
) -> tuple[list[Extraction], StoredIndex] | None:
    """The stored documents ``doc_ids`` (all when None) with their events, and the support
    the stored fused events give their claims; None when some stored claim is in no fused
    event (fusion has not run over the whole store), when support must be fused afresh."""
    from frontline.fuse.credibility import lexicon
    from frontline.fuse.credibility_fused import StoredIndex

    wanted = None if doc_ids is None else sorted(set(doc_ids))
    with _session(store) as session:
        if session.scalars(_UNFUSED.limit(1)).first() is not None:
            return None
        documents = _newest_documents(session, wanted)
        own = _events(session, EventRow.doc_id, None if wanted is None else list(documents))
        fused = _fused_events(session, [e.event_id for e in own], wanted is None)
        known = {e.event_id: e for e in own}
        missing = {m for f in fused.values() for m in f.members} - known.keys()
        known.update((e.event_id, e) for e in _events(session, EventRow.event_id, missing))
        docs = {e.doc_id for e in known.values()} | set(documents)
        copies = stored_copies(session, docs)
        origins = {link.original for link in copies.documents.values()}
        origins.update(p.original for links in copies.passages.values() for p in links)
        sources = _sources(session, docs | origins)
    fused_of = {m: f for f in fused.values() for m in f.members}
    index = StoredIndex(fused_of, known, copies, sources, toll_tolerance=lexicon().toll_tolerance)
    by_doc: dict[str, list[Event]] = defaultdict(list)
    for event in own:
        by_doc[event.doc_id].append(event)
    return [Extraction(d, tuple(by_doc[d.doc_id])) for d in documents.values()], index


_UNFUSED = select(EventRow.event_id).where(
    EventRow.event_id.not_in(select(FusedMemberRow.event_id))
)


def _chunks(values: Iterable[str]) -> Iterator[list[str]]:
    ordered = sorted(set(values))
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


def _newest_documents(session: Session, doc_ids: Sequence[str] | None) -> dict[str, Document]:
    """The newest version of each document (all when ``doc_ids`` is None), in the order the
    ids were first ingested."""
    stmt = select(DocumentRow).order_by(DocumentRow.id)
    rows = (
        list(session.scalars(stmt))
        if doc_ids is None
        else sorted(
            (
                r
                for c in _chunks(doc_ids)
                for r in session.scalars(stmt.where(DocumentRow.doc_id.in_(c)))
            ),
            key=lambda r: r.id,
        )
    )
    newest: dict[str, Document] = {}
    for row in rows:
        newest[row.doc_id] = row_to_document(row)
    return newest


def _events(session: Session, column: Any, values: Iterable[str] | None) -> list[Event]:
    """Stored events whose ``column`` is one of ``values`` (all when None), by event id."""
    stmt = select(EventRow).order_by(EventRow.event_id)
    if values is None:
        return [row_to_event(r) for r in session.scalars(stmt)]
    found = [
        row_to_event(r) for c in _chunks(values) for r in session.scalars(stmt.where(column.in_(c)))
    ]
    return sorted(found, key=lambda e: e.event_id)


def _fused_events(session: Session, claims: Sequence[str], every: bool) -> dict[str, FusedEvent]:
    """The stored fused events of ``claims`` (every one when ``every``), with all members."""
    if every:
        ids: set[str] | None = None
    else:
        ids = {
            f
            for c in _chunks(claims)
            for f in session.scalars(
                select(FusedMemberRow.fused_id).where(FusedMemberRow.event_id.in_(c))
            )
        }
    members: dict[str, list[str]] = defaultdict(list)
    rows: list[FusedEventRow] = []
    for chunk in [None] if ids is None else list(_chunks(ids)):
        links = select(FusedMemberRow.fused_id, FusedMemberRow.event_id)
        stmt = select(FusedEventRow)
        if chunk is not None:
            links = links.where(FusedMemberRow.fused_id.in_(chunk))
            stmt = stmt.where(FusedEventRow.fused_id.in_(chunk))
        for fused_id, event_id in session.execute(links):
            members[fused_id].append(event_id)
        rows.extend(session.scalars(stmt))
    return {row.fused_id: row_to_fused(row, members[row.fused_id]) for row in rows}


def _sources(session: Session, doc_ids: Iterable[str]) -> dict[str, str | None]:
    """Each document's outlet (its newest version's)."""
    found: dict[str, str | None] = {}
    stmt = select(DocumentRow.doc_id, DocumentRow.source).order_by(DocumentRow.id)
    for chunk in _chunks(doc_ids):
        for doc_id, source in session.execute(stmt.where(DocumentRow.doc_id.in_(chunk))):
            found[doc_id] = source
    return found


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
