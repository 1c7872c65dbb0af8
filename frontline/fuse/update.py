"""Fusion over the store: a full rebuild, or an incremental update after new documents.

``fuse_store(store)`` fingerprints every document, finds copies, fuses every claim and
replaces all fused events. ``fuse_store(store, doc_ids)`` fingerprints only the new documents,
finds copies again (signatures of the others are read back), and re-fuses only the connected
components of the compatibility graph that hold a new claim, a claim not yet fused, or a claim
of a document whose copy links changed; their old fused events are replaced in the same single
transaction. Because fusion is a function of each component, the result equals a full rebuild.
Afterwards the control timeline and the credibility scores are refreshed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from frontline.errors import StoreError
from frontline.fuse.cluster import make_claims
from frontline.fuse.copies import Copies, Fingerprint, find_copies, fingerprint
from frontline.fuse.fusion import Fusion, claim_components, fuse_groups
from frontline.records import Document, FusedEvent
from frontline.store import Store
from frontline.store.fused import (
    copy_state,
    fused_event_ids,
    fused_ids_of,
    load_copy_rows,
    replace_fused,
    row_to_fingerprint,
    save_copies,
)
from frontline.store.schema import CopyRow

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


def _latest_documents(store: Store) -> dict[str, Document]:
    """The newest stored version of each document id."""
    latest: dict[str, Document] = {}
    for document in store.documents():
        latest[document.doc_id] = document
    return latest


def _fingerprints(
    documents: Mapping[str, Document], stored: Mapping[str, CopyRow], fresh: set[str]
) -> list[Fingerprint]:
    prints = []
    for doc_id, document in sorted(documents.items()):
        row = stored.get(doc_id)
        if row is None or doc_id in fresh or not row.signature:
            prints.append(fingerprint(doc_id, document.text, document.published))
        else:
            prints.append(row_to_fingerprint(row, document.published))
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
    documents = _latest_documents(store)
    events = store.events()
    try:
        with Session(store.engine.execution_options(**_WRITE)) as session, session.begin():
            stored = load_copy_rows(session)
            fresh = set(documents) if doc_ids is None else set(doc_ids)
            prints = _fingerprints(documents, stored, fresh)
            copies = find_copies(prints)
            changed = _changed(copies, stored, documents)
            save_copies(session, [p for p in prints if p.doc_id in changed | fresh], copies, stored)
            claims = make_claims(events, copies)
            groups, pairs = claim_components(claims, fusion)
            if doc_ids is not None:
                done = fused_event_ids(session)
                touched = fresh | changed
                groups = [
                    g
                    for g in groups
                    if any(
                        claims[i].event.doc_id in touched or claims[i].event_id not in done
                        for i in g
                    )
                ]
            sources = {d.doc_id: d.source for d in documents.values()}
            fused = fuse_groups(claims, groups, pairs, fusion, sources)
            members = [claims[i].event_id for g in groups for i in g]
            old = fused_ids_of(session, members) if doc_ids is not None else _all_fused(session)
            doc_of = {c.event_id: c.event.doc_id for c in claims}
            replace_fused(session, old, fused, doc_of)
    except SQLAlchemyError as exc:
        raise StoreError(f"could not write fused events: {exc} — nothing was changed") from exc
    # credibility leans on corroboration, so every document of a re-fused event is re-scored
    affected = None if doc_ids is None else sorted(fresh | {doc_of[m] for m in members})
    hooks = _refresh_hooks(store, affected)
    return FuseReport(len(claims), len(groups), len(fused), len(old), len(copies.documents), hooks)


def _all_fused(session: Session) -> set[str]:
    from sqlalchemy import select

    from frontline.store.schema import FusedEventRow

    return set(session.scalars(select(FusedEventRow.fused_id)))


def _refresh_hooks(store: Store, doc_ids: Sequence[str] | None) -> tuple[str, ...]:
    """Re-derive the control timeline and re-score credibility after the fused events moved."""
    from frontline.fuse.credibility import refresh_credibility
    from frontline.store.control import refresh_control

    refresh_control(store)
    refresh_credibility(store, doc_ids)
    return ("control", "credibility")


def unfused_documents(store: Store) -> list[str]:
    """Stored documents with no copy fingerprint yet: the ones fusion has not seen."""
    with Session(store.engine) as session:
        seen = set(load_copy_rows(session))
    return sorted({d.doc_id for d in store.documents()} - seen)


def fused_sorted(fused: Iterable[FusedEvent]) -> list[FusedEvent]:
    """Fused events in a canonical order (for comparing two runs)."""
    return sorted(fused, key=lambda f: f.fused_id)
