"""The control timeline refreshed only where an incremental fusion changed territory changes.

Periods are worked out place by place from the changes at that place
(:func:`frontline.fuse.control.build_timeline`), and an area-level change stands alone. So when
fusion replaces some fused events, only the places of the territory changes it removed or
added (:class:`Touched`) can get other periods, and only the area rows of those changes can
change. :func:`refresh_places` reads the place of every stored territory change (one light
query of ids and places), loads in full only the changes at the touched places (fused events
with all their members, and claims no fused event holds), derives their periods and replaces
those places' periods and those changes' area rows in one transaction: the same rows a full
refresh writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from frontline.fuse.control import build_timeline, place_key
from frontline.geo.normalize import fold
from frontline.records import ControlPeriod, Event, FusedEvent, GeoStatus, Place
from frontline.store.fused import dict_place, row_to_fused
from frontline.store.mapping import row_to_event
from frontline.store.schema import (
    ControlAreaRow,
    ControlPeriodRow,
    EventRow,
    FusedEventRow,
    FusedMemberRow,
)

_CHUNK = 500
T = TypeVar("T", str, int)


@dataclass(frozen=True, slots=True)
class Touched:
    """What an incremental fusion changed for the timeline: the place keys
    (:func:`frontline.fuse.control.place_key`) of the territory changes it removed or added,
    and the ids those changes went by (fused ids and claim ids)."""

    places: frozenset[str]
    changes: frozenset[str]


def touched(
    old: Iterable[tuple[str, Place | None]], claims: Iterable[Event], fused: Iterable[FusedEvent]
) -> Touched:
    """The :class:`Touched` of a fusion that re-fused ``claims`` into ``fused``, replacing the
    fused territory changes ``old`` (id and place)."""
    places = {place_key(p) for _, p in old if p is not None}
    ids = {fused_id for fused_id, _ in old}
    for claim in claims:
        ids.add(claim.event_id)
        if claim.territory is not None and claim.place is not None:
            places.add(place_key(claim.place))
    for event in fused:
        ids.add(event.fused_id)
        if event.territory is not None and event.place is not None:
            places.add(place_key(event.place))
    return Touched(frozenset(places), frozenset(ids))


def refresh_places(session: Session, touched: Touched) -> int:
    """Re-derive the periods of the touched places and the area rows of the touched changes
    in ``session`` (the caller commits); the periods written."""
    if not touched.places:
        return 0
    claims, members = _claims_at(session, touched.places)
    timeline = build_timeline(claims, members=members)
    periods = [p for p in timeline.periods if period_key(p) in touched.places]
    areas = [a for a in timeline.area_claims if a.change_id in touched.changes]
    stale = _period_ids(session, touched.places)
    for ids in _chunks(stale):
        session.execute(delete(ControlPeriodRow).where(ControlPeriodRow.id.in_(ids)))
    for changes in _chunks(touched.changes):
        session.execute(delete(ControlAreaRow).where(ControlAreaRow.change_id.in_(changes)))
    from frontline.store.control import area_row, period_row

    session.add_all([period_row(p) for p in periods])
    session.add_all([area_row(a) for a in areas])
    return len(periods)


def period_key(period: ControlPeriod) -> str:
    """The place key of the changes a period was derived from."""
    return period.gazetteer_id or "~" + fold(period.place)


def _chunks(values: Iterable[T]) -> Iterator[list[T]]:
    ordered = sorted(set(values))
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


def _event_key(location: str | None, text: str | None, status: str | None, gid: str | None) -> str:
    """:func:`place_key` of a stored claim's place, from its columns."""
    if status == GeoStatus.RESOLVED.value and gid:
        return gid
    return "~" + fold(location or text or "")


def _claims_at(
    session: Session, places: frozenset[str]
) -> tuple[list[FusedEvent | Event], dict[str, Event]]:
    """The territory changes that can give a change at ``places``: fused ones placed there or
    with a member there (a later report a fused change is split into), with all their
    members; and claims placed there that no fused event holds."""
    fused_ids = {
        fused_id
        for fused_id, raw in session.execute(
            select(FusedEventRow.fused_id, FusedEventRow.place).where(
                FusedEventRow.territory_change.is_(True)
            )
        )
        if (place := dict_place(raw)) is not None and place_key(place) in places
    }
    stmt = select(
        EventRow.event_id,
        EventRow.location,
        EventRow.location_text,
        EventRow.geo_status,
        EventRow.gazetteer_id,
    ).where(EventRow.territory_change.is_(True), EventRow.location_text.is_not(None))
    there = [
        event_id
        for event_id, location, text, status, gid in session.execute(stmt)
        if _event_key(location, text, status, gid) in places
    ]
    held: dict[str, str] = {}
    for chunk in _chunks(there):
        links = select(FusedMemberRow.event_id, FusedMemberRow.fused_id)
        for event_id, fused_id in session.execute(links.where(FusedMemberRow.event_id.in_(chunk))):
            held[event_id] = fused_id
    fused_ids.update(held.values())
    fused, members = _fused_with_members(session, sorted(fused_ids))
    raw = _events(session, [e for e in there if e not in held])
    return [*fused, *raw], members


def _fused_with_members(
    session: Session, fused_ids: Sequence[str]
) -> tuple[list[FusedEvent], dict[str, Event]]:
    of: dict[str, list[str]] = {}
    rows: list[FusedEventRow] = []
    for chunk in _chunks(fused_ids):
        links = select(FusedMemberRow.fused_id, FusedMemberRow.event_id)
        for fused_id, event_id in session.execute(links.where(FusedMemberRow.fused_id.in_(chunk))):
            of.setdefault(fused_id, []).append(event_id)
        rows.extend(session.scalars(select(FusedEventRow).where(FusedEventRow.fused_id.in_(chunk))))
    members = {e.event_id: e for e in _events(session, [m for ids in of.values() for m in ids])}
    return [row_to_fused(row, of.get(row.fused_id, ())) for row in rows], members


def _events(session: Session, event_ids: Sequence[str]) -> list[Event]:
    found: list[Event] = []
    for chunk in _chunks(event_ids):
        stmt = select(EventRow).where(EventRow.event_id.in_(chunk))
        found.extend(row_to_event(row) for row in session.scalars(stmt))
    return sorted(found, key=lambda e: e.event_id)


def _period_ids(session: Session, places: frozenset[str]) -> list[int]:
    """Ids of the stored periods of ``places``."""
    resolved = [p for p in places if not p.startswith("~")]
    found: list[int] = []
    for chunk in _chunks(resolved):
        stmt = select(ControlPeriodRow.id).where(ControlPeriodRow.gazetteer_id.in_(chunk))
        found.extend(session.scalars(stmt))
    named = select(ControlPeriodRow.id, ControlPeriodRow.place).where(
        ControlPeriodRow.gazetteer_id.is_(None)
    )
    found.extend(i for i, name in session.execute(named) if "~" + fold(name) in places)
    return found
