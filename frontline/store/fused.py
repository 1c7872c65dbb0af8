"""The fuse stage's rows: copy fingerprints, fused events and their members.

Writers take an open session (the caller owns the one transaction); readers take a Store.
Every value travels as a bound parameter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from frontline.fuse.copies import Copies, CopyLink, Fingerprint, Passage, PassageLink
from frontline.records import Contradiction, Event, FusedEvent, GeoStatus, Place, TerritoryChange
from frontline.store.mapping import row_to_event
from frontline.store.schema import CopyRow, EventRow, FusedEventRow, FusedMemberRow
from frontline.store.store import Store


@dataclass(frozen=True, slots=True)
class FusedFilter:
    """Which fused events to read; text criteria match whole values, ignoring case."""

    since: date | None = None
    until: date | None = None
    event_type: str | None = None
    place: str | None = None
    actor: str | None = None
    min_sources: int | None = None
    limit: int | None = None


# -- copies ------------------------------------------------------------------------------------


def copy_state(row: CopyRow) -> tuple[str | None, tuple[tuple[int, str], ...]]:
    """What a stored copy row says: its original, and (passage start, original) links."""
    links = tuple(
        (int(p["start"]), str(p["original"])) for p in row.paragraphs if p.get("original")
    )
    return row.original_doc_id, links


def load_copy_rows(session: Session) -> dict[str, CopyRow]:
    return {row.doc_id: row for row in session.scalars(select(CopyRow))}


def row_to_fingerprint(row: CopyRow, published: date | None) -> Fingerprint:
    shingles, *signature = row.signature
    passages = tuple(
        Passage(int(p["start"]), int(p["end"]), tuple(p["signature"])) for p in row.paragraphs
    )
    return Fingerprint(row.doc_id, published, shingles, tuple(signature), passages)


def stored_copies(session: Session, doc_ids: Iterable[str]) -> Copies:
    """The copy links stored for ``doc_ids``, as :func:`frontline.fuse.copies.find_copies`
    found them (a passage's start in its original is not stored: -1)."""
    documents: dict[str, CopyLink] = {}
    passages: dict[str, tuple[PassageLink, ...]] = {}
    ids = sorted(set(doc_ids))
    for start in range(0, len(ids), 500):
        for row in session.scalars(
            select(CopyRow).where(CopyRow.doc_id.in_(ids[start : start + 500]))
        ):
            if row.original_doc_id:
                documents[row.doc_id] = CopyLink(
                    row.doc_id, row.original_doc_id, row.similarity or 0.0
                )
            links = tuple(
                PassageLink(row.doc_id, int(p["start"]), int(p["end"]), str(p["original"]), -1)
                for p in row.paragraphs
                if p.get("original")
            )
            if links:
                passages[row.doc_id] = links
    return Copies(documents, passages)


def save_copies(
    session: Session, prints: Iterable[Fingerprint], copies: Copies, stored: Mapping[str, CopyRow]
) -> None:
    """Insert or update the copy row of each fingerprint (its links as ``copies`` has them)."""
    for fp in prints:
        link = copies.documents.get(fp.doc_id)
        origins = {p.start: p for p in copies.passages.get(fp.doc_id, ())}
        paragraphs = [
            {
                "start": p.start,
                "end": p.end,
                "signature": list(p.signature),
                "original": origins[p.start].original if p.start in origins else None,
            }
            for p in fp.passages
        ]
        row = stored.get(fp.doc_id) or CopyRow(doc_id=fp.doc_id)
        row.original_doc_id = link.original if link else None
        row.similarity = link.similarity if link else None
        row.signature = [fp.shingles, *fp.signature]
        row.paragraphs = paragraphs
        session.add(row)


# -- fused events ------------------------------------------------------------------------------


def fused_to_row(fused: FusedEvent) -> FusedEventRow:
    place = fused.place
    territory = fused.territory
    return FusedEventRow(
        fused_id=fused.fused_id,
        event_type=fused.event_type,
        sub_event_type=fused.sub_event_type,
        event_date=fused.event_date,
        time_precision=fused.time_precision,
        actor1=fused.actor1,
        actor2=fused.actor2,
        location=place.name if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        admin1=place.admin1 if place else None,
        geo_precision=place.geo_precision if place else None,
        gazetteer_id=place.gazetteer_id if place else None,
        place=_place_dict(place),
        fatalities_low=fused.fatalities_low,
        fatalities_best=fused.fatalities_best,
        fatalities_high=fused.fatalities_high,
        territory_from=territory.loser if territory else None,
        territory_to=territory.taker if territory else None,
        territory_change=territory is not None,
        documents=list(fused.documents),
        sources=list(fused.sources),
        camps=list(fused.camps),
        independent_sources=fused.independent_sources,
        claims=len(fused.members),
        contradictions=[
            {"field": c.field, "values": [[v, list(ids)] for v, ids in c.values], "note": c.note}
            for c in fused.contradictions
        ],
        certainty=fused.certainty,
        confidence=fused.confidence,
    )


def _place_dict(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    raw = asdict(place)
    raw["status"] = str(place.status)
    raw.pop("span", None)
    return raw


def dict_place(raw: Mapping[str, Any] | None) -> Place | None:
    if not raw:
        return None
    fields = {k: v for k, v in raw.items() if k != "span"}
    fields["status"] = GeoStatus(fields.get("status", "unresolved"))
    return Place(**fields)


def row_to_fused(row: FusedEventRow, members: Sequence[str]) -> FusedEvent:
    territory = (
        TerritoryChange(row.territory_from, row.territory_to) if row.territory_change else None
    )
    return FusedEvent(
        fused_id=row.fused_id,
        event_type=row.event_type,
        sub_event_type=row.sub_event_type,
        event_date=row.event_date,
        time_precision=row.time_precision,
        actor1=row.actor1,
        actor2=row.actor2,
        place=dict_place(row.place),
        fatalities_low=row.fatalities_low,
        fatalities_best=row.fatalities_best,
        fatalities_high=row.fatalities_high,
        territory=territory,
        members=tuple(sorted(members)),
        documents=tuple(row.documents),
        sources=tuple(row.sources),
        camps=tuple(row.camps),
        independent_sources=row.independent_sources,
        contradictions=tuple(
            Contradiction(
                c["field"], tuple((v, tuple(ids)) for v, ids in c["values"]), c.get("note", "")
            )
            for c in row.contradictions
        ),
        certainty=row.certainty,
        confidence=row.confidence,
    )


def replace_fused(
    session: Session,
    old_ids: Iterable[str],
    fused: Iterable[FusedEvent],
    doc_of: Mapping[str, str],
) -> int:
    """Delete the fused events ``old_ids`` (and their members), then add ``fused``
    (``doc_of``: each member claim's document)."""
    old = sorted(set(old_ids))
    for start in range(0, len(old), 500):
        chunk = old[start : start + 500]
        session.execute(delete(FusedMemberRow).where(FusedMemberRow.fused_id.in_(chunk)))
        session.execute(delete(FusedEventRow).where(FusedEventRow.fused_id.in_(chunk)))
    added = 0
    for item in fused:
        session.add(fused_to_row(item))
        for member in item.members:
            session.add(
                FusedMemberRow(event_id=member, fused_id=item.fused_id, doc_id=doc_of[member])
            )
        added += 1
    session.flush()
    return added


def fused_ids_of(session: Session, event_ids: Iterable[str]) -> set[str]:
    ids = sorted(set(event_ids))
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        stmt = select(FusedMemberRow.fused_id).where(
            FusedMemberRow.event_id.in_(ids[start : start + 500])
        )
        found.update(session.scalars(stmt))
    return found


def territory_places(session: Session, fused_ids: Iterable[str]) -> list[tuple[str, Place | None]]:
    """The id and place of each of ``fused_ids`` that is a territory change."""
    ids = sorted(set(fused_ids))
    found: list[tuple[str, Place | None]] = []
    for start in range(0, len(ids), 500):
        stmt = select(FusedEventRow.fused_id, FusedEventRow.place).where(
            FusedEventRow.fused_id.in_(ids[start : start + 500]),
            FusedEventRow.territory_change.is_(True),
        )
        found.extend((fused_id, dict_place(place)) for fused_id, place in session.execute(stmt))
    return found


def fused_event_ids(session: Session) -> set[str]:
    """Ids of the claims that already belong to a fused event."""
    return set(session.scalars(select(FusedMemberRow.event_id)))


# -- readers -----------------------------------------------------------------------------------


def load_fused(store: Store, criteria: FusedFilter | None = None) -> list[FusedEvent]:
    """Stored fused events matching ``criteria``, by date (undated last), then fused id."""
    criteria = criteria or FusedFilter()
    stmt = select(FusedEventRow)
    if criteria.since is not None:
        stmt = stmt.where(FusedEventRow.event_date >= criteria.since)
    if criteria.until is not None:
        stmt = stmt.where(FusedEventRow.event_date <= criteria.until)
    if criteria.event_type:
        stmt = stmt.where(func.lower(FusedEventRow.event_type) == criteria.event_type.lower())
    if criteria.place:
        stmt = stmt.where(func.lower(FusedEventRow.location) == criteria.place.lower())
    if criteria.actor:
        actor = criteria.actor.lower()
        stmt = stmt.where(
            or_(
                func.lower(FusedEventRow.actor1) == actor, func.lower(FusedEventRow.actor2) == actor
            )
        )
    if criteria.min_sources is not None:
        stmt = stmt.where(FusedEventRow.independent_sources >= criteria.min_sources)
    stmt = stmt.order_by(
        FusedEventRow.event_date.is_(None), FusedEventRow.event_date, FusedEventRow.fused_id
    ).limit(criteria.limit)
    with Session(store.engine) as session:
        rows = list(session.scalars(stmt))
        members: dict[str, list[str]] = {row.fused_id: [] for row in rows}
        ids = list(members)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for m in session.scalars(
                select(FusedMemberRow).where(FusedMemberRow.fused_id.in_(chunk))
            ):
                members[m.fused_id].append(m.event_id)
        return [row_to_fused(row, members[row.fused_id]) for row in rows]


def fused_members(store: Store, fused_id: str) -> list[Event]:
    """The claims (stored events) fused into ``fused_id``, by event id."""
    stmt = (
        select(EventRow)
        .join(FusedMemberRow, FusedMemberRow.event_id == EventRow.event_id)
        .where(FusedMemberRow.fused_id == fused_id)
        .order_by(EventRow.event_id)
    )
    with Session(store.engine) as session:
        return [row_to_event(row) for row in session.scalars(stmt)]
