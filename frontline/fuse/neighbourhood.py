"""The claims an incremental fusion must re-read: the new claims' compatibility closure.

Two claims can only be compatible when they share an event type and a governorate block (the
folded admin1, or none) and their dates lie within the widest slack of ``fusion.toml``. So,
starting from the seed claims, each round queries the store only for claims of the frontier's
blocks dated within that window, keeps those compatible with a frontier claim, and adds the
other members of the fused events they already belong to; the rounds stop when nothing new
turns up. The set read is closed under compatibility, so its connected components are exactly
the components of the whole store that hold a seed (or a fused neighbour of one).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from frontline.fuse.cluster import compatible_pairs, make_claims
from frontline.fuse.fusion import Fusion
from frontline.geo import fold
from frontline.records import Event
from frontline.store.mapping import row_to_event
from frontline.store.schema import EventRow, FusedMemberRow

_CHUNK = 500


@dataclass(slots=True)
class Neighbourhood:
    """The closure's claims (by event id) and every distinct claim the queries returned."""

    events: dict[str, Event] = field(default_factory=dict)
    read: set[str] = field(default_factory=set)


def window_days(fusion: Fusion) -> int:
    """The furthest apart two compatible claims' dates can be."""
    return fusion.rules.widest


def closure(
    session: Session, seed_docs: Iterable[str], fusion: Fusion, unfused: bool = True
) -> Neighbourhood:
    """The claims of ``seed_docs`` (and, with ``unfused``, every claim not yet in a fused
    event) with all claims connected to them, and the members of their fused events."""
    found = Neighbourhood()
    frontier = _take(found, _by_docs(session, sorted(set(seed_docs))))
    if unfused:
        frontier += _take(found, _unfused(session))
    spellings = _admin1_spellings(session)
    days = window_days(fusion)
    while frontier:
        frontier += _take(found, _fused_siblings(session, [e.event_id for e in frontier]))
        candidates = _outside(found, _in_windows(session, frontier, spellings, days))
        frontier = _take(found, _compatible_with(candidates, frontier, fusion))
    return found


def _outside(found: Neighbourhood, events: Iterable[Event]) -> list[Event]:
    """Note ``events`` as read; return those not yet in the closure."""
    fresh = []
    for event in events:
        found.read.add(event.event_id)
        if event.event_id not in found.events:
            fresh.append(event)
    return fresh


def _take(found: Neighbourhood, events: Iterable[Event]) -> list[Event]:
    """Add ``events`` to the closure; return those not in it before."""
    fresh = []
    for event in events:
        found.read.add(event.event_id)
        if event.event_id not in found.events:
            found.events[event.event_id] = event
            fresh.append(event)
    return fresh


def _compatible_with(
    candidates: Sequence[Event], frontier: Sequence[Event], fusion: Fusion
) -> list[Event]:
    """The candidates compatible with some frontier claim."""
    if not candidates:
        return []
    claims = make_claims([*frontier, *candidates])
    is_new = {e.event_id for e in candidates}
    linked: set[str] = set()
    for i, j in compatible_pairs(claims, fusion.rules, fusion.matcher()):
        a, b = claims[i].event_id, claims[j].event_id
        if (a in is_new) != (b in is_new):
            linked.add(a if a in is_new else b)
    return [e for e in candidates if e.event_id in linked]


def _block(event: Event) -> tuple[str, str] | None:
    if event.event_date is None or event.place is None:
        return None  # such a claim is compatible with nothing
    admin1 = event.place.admin1
    return event.event_type, fold(admin1) if admin1 else ""


def _in_windows(
    session: Session,
    frontier: Sequence[Event],
    spellings: dict[str, list[str]],
    days: int,
) -> list[Event]:
    """Claims of each frontier block dated within ``days`` of a frontier claim of it."""
    dates: dict[tuple[str, str], list[date]] = defaultdict(list)
    for event in frontier:
        block = _block(event)
        if block is not None and event.event_date is not None:
            dates[block].append(event.event_date)
    found: list[Event] = []
    span = timedelta(days=days)
    for (event_type, admin1), when in sorted(dates.items()):
        place = _admin1_clause(spellings.get(admin1, []), admin1 == "")
        for start, end in _merged([(d - span, d + span) for d in when]):
            stmt = select(EventRow).where(
                EventRow.event_type == event_type,
                EventRow.location_text.is_not(None),
                EventRow.event_date.between(start, end),
                place,
            )
            found.extend(row_to_event(row) for row in session.scalars(stmt))
    return found


def _admin1_clause(spellings: list[str], blank: bool) -> ColumnElement[bool]:
    clauses: list[ColumnElement[bool]] = []
    if spellings:
        clauses.append(EventRow.admin1.in_(spellings))
    if blank:
        clauses.append(EventRow.admin1.is_(None))
    return (
        or_(*clauses) if clauses else and_(EventRow.admin1.is_(None), EventRow.admin1.is_not(None))
    )


def _merged(ranges: list[tuple[date, date]]) -> list[tuple[date, date]]:
    merged: list[tuple[date, date]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _admin1_spellings(session: Session) -> dict[str, list[str]]:
    """Each folded governorate name and the stored spellings that fold to it."""
    found: dict[str, list[str]] = defaultdict(list)
    for value in session.scalars(select(EventRow.admin1).distinct()):
        if value is not None:
            found[fold(value) if value else ""].append(value)
    return found


def _by_docs(session: Session, doc_ids: Sequence[str]) -> list[Event]:
    found: list[Event] = []
    for start in range(0, len(doc_ids), _CHUNK):
        stmt = select(EventRow).where(EventRow.doc_id.in_(doc_ids[start : start + _CHUNK]))
        found.extend(row_to_event(row) for row in session.scalars(stmt))
    return found


def _unfused(session: Session) -> list[Event]:
    fused = select(FusedMemberRow.event_id)
    stmt = select(EventRow).where(EventRow.event_id.not_in(fused))
    return [row_to_event(row) for row in session.scalars(stmt)]


def _fused_siblings(session: Session, event_ids: Sequence[str]) -> list[Event]:
    """The other members of the fused events ``event_ids`` belong to."""
    known = set(event_ids)
    ids = sorted(known)
    fused: set[str] = set()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        fused.update(
            session.scalars(
                select(FusedMemberRow.fused_id).where(FusedMemberRow.event_id.in_(chunk))
            )
        )
    names = sorted(fused)
    found: list[Event] = []
    for start in range(0, len(names), _CHUNK):
        members = select(FusedMemberRow.event_id).where(
            FusedMemberRow.fused_id.in_(names[start : start + _CHUNK])
        )
        stmt = select(EventRow).where(EventRow.event_id.in_(members))
        found.extend(e for e in map(row_to_event, session.scalars(stmt)) if e.event_id not in known)
    return found
