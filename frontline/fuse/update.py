"""Fusion over the store: a full rebuild, or an incremental update after new documents.

``fuse_store(store)`` fingerprints every document, finds copies, fuses every claim and
replaces all fused events. ``fuse_store(store, doc_ids)`` reads the text of the new documents
only and fingerprints them; the other documents' MinHash signatures are read back from the
``copies`` table and copy detection (LSH banding) runs in memory over all signatures, which
are small. It then reads only the claims that can matter (:mod:`frontline.fuse.neighbourhood`):
the compatibility closure of the claims of new documents, of documents whose copy links
changed, and of claims not yet fused, with the members of the fused events they belong to.
That closure's components are re-fused and their old fused events replaced in the same single
transaction. Because fusion is a function of each component, the result equals a full rebuild.
Afterwards the control timeline is re-derived at the places whose territory changes moved
(:mod:`frontline.store.control_update`) and the documents of the re-fused claims are
re-scored for credibility from the stored fused events; a rebuild refreshes both whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from frontline.errors import StoreError
from frontline.fuse.cluster import make_claims
from frontline.fuse.copies import Copies, Fingerprint, find_copies, fingerprint
from frontline.fuse.fusion import Fusion, claim_components, fuse_groups
from frontline.fuse.neighbourhood import closure
from frontline.records import FusedEvent
from frontline.store import Store
from frontline.store.control_update import Touched, touched
from frontline.store.fused import (
    copy_state,
    fused_ids_of,
    load_copy_rows,
    replace_fused,
    row_to_fingerprint,
    save_copies,
    territory_places,
)
from frontline.store.mapping import row_to_event
from frontline.store.schema import CopyRow, DocumentRow, EventRow, FusedEventRow

_WRITE = {"frontline_write": True}


@dataclass(frozen=True, slots=True)
class FuseReport:
    """What one ``fuse_store`` call did."""

    claims: int
    components: int
    fused_events: int
    removed: int
    copies: int
    hooks: tuple[str, ...] = ()
    claims_read: int = 0  # distinct stored claims the update read (all of them on a rebuild)


@dataclass(frozen=True, slots=True)
class _Head:
    """What fusion reads of a document besides its text."""

    published: date | None
    source: str | None


def _heads(session: Session) -> dict[str, _Head]:
    """The newest stored version of each document id, without its text."""
    stmt = select(DocumentRow.doc_id, DocumentRow.published, DocumentRow.source).order_by(
        DocumentRow.id
    )
    return {doc_id: _Head(published, source) for doc_id, published, source in session.execute(stmt)}


def _text(session: Session, doc_id: str) -> str:
    stmt = (
        select(DocumentRow.text)
        .where(DocumentRow.doc_id == doc_id)
        .order_by(DocumentRow.id.desc())
        .limit(1)
    )
    return session.scalars(stmt).one()


def _fingerprints(
    session: Session, heads: Mapping[str, _Head], stored: Mapping[str, CopyRow], fresh: set[str]
) -> list[Fingerprint]:
    """Each document's fingerprint: worked out from the text for new documents, else read
    back from its copy row (only the text of new documents is read)."""
    prints = []
    for doc_id, head in sorted(heads.items()):
        row = stored.get(doc_id)
        if row is None or doc_id in fresh or not row.signature:
            prints.append(fingerprint(doc_id, _text(session, doc_id), head.published))
        else:
            prints.append(row_to_fingerprint(row, head.published))
    return prints


def _changed(copies: Copies, stored: Mapping[str, CopyRow], doc_ids: Iterable[str]) -> set[str]:
    """Documents whose copy links differ from what is stored."""
    changed = set()
    for doc_id in doc_ids:
        link = copies.documents.get(doc_id)
        now = (
            link.original if link else None,
            tuple((p.start, p.original) for p in copies.passages.get(doc_id, ())),
        )
        row = stored.get(doc_id)
        if row is None or copy_state(row) != now:
            changed.add(doc_id)
    return changed


def fuse_store(
    store: Store, doc_ids: Sequence[str] | None = None, fusion: Fusion | None = None
) -> FuseReport:
    """Fuse the store's claims: all of them (``doc_ids`` None), or only what ``doc_ids`` touch."""
    fusion = fusion or Fusion.default()
    try:
        with Session(store.engine.execution_options(**_WRITE)) as session, session.begin():
            stored = load_copy_rows(session)
            heads = _heads(session)
            fresh = set(heads) if doc_ids is None else set(doc_ids)
            prints = _fingerprints(session, heads, stored, fresh)
            copies = find_copies(prints)
            changed = _changed(copies, stored, heads)
            save_copies(session, [p for p in prints if p.doc_id in changed | fresh], copies, stored)
            if doc_ids is None:
                events = [row_to_event(r) for r in session.scalars(select(EventRow))]
                read = len(events)
            else:
                near = closure(session, fresh | changed, fusion)
                events, read = list(near.events.values()), len(near.read)
            claims = make_claims(events, copies)
            groups, graph = claim_components(claims, fusion)
            sources = {doc_id: head.source for doc_id, head in heads.items()}
            fused = fuse_groups(claims, groups, graph, fusion, sources)
            members = [c.event_id for c in claims]
            old = fused_ids_of(session, members) if doc_ids is not None else _all_fused(session)
            doc_of = {c.event_id: c.event.doc_id for c in claims}
            moved = (
                None if doc_ids is None else touched(territory_places(session, old), events, fused)
            )
            replace_fused(session, old, fused, doc_of)
    except SQLAlchemyError as exc:
        raise StoreError(f"could not write fused events: {exc} — nothing was changed") from exc
    # credibility leans on corroboration, so every document of a re-fused event is re-scored
    affected = None if doc_ids is None else sorted(fresh | set(doc_of.values()))
    hooks = _refresh_hooks(store, affected, moved)
    return FuseReport(
        len(claims), len(groups), len(fused), len(old), len(copies.documents), hooks, read
    )


def _all_fused(session: Session) -> set[str]:
    return set(session.scalars(select(FusedEventRow.fused_id)))


def _refresh_hooks(
    store: Store, doc_ids: Sequence[str] | None, moved: Touched | None = None
) -> tuple[str, ...]:
    """Re-derive the control timeline (at the places ``moved`` touched, or everywhere) and
    re-score credibility (of ``doc_ids``, or every document) after the fused events moved."""
    from frontline.fuse.credibility import refresh_credibility
    from frontline.store.control import refresh_control

    refresh_control(store, moved)
    refresh_credibility(store, doc_ids)
    return ("control", "credibility")


def unfused_documents(store: Store) -> list[str]:
    """Stored documents with no copy fingerprint yet: the ones fusion has not seen."""
    with Session(store.engine) as session:
        seen = set(session.scalars(select(CopyRow.doc_id)))
        ids = set(session.scalars(select(DocumentRow.doc_id)))
    return sorted(ids - seen)


def fused_sorted(fused: Iterable[FusedEvent]) -> list[FusedEvent]:
    """Fused events in a canonical order (for comparing two runs)."""
    return sorted(fused, key=lambda f: f.fused_id)
