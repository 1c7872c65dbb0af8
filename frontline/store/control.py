"""The control timeline in the store: computed from the stored territory changes, kept in
``control_periods``, read back with filters.

>>> with Store.open(url) as store:  # doctest: +SKIP
...     refresh_control(store)
...     periods = control_periods(store, ControlFilter(on=date(2016, 11, 28)))

:func:`refresh_control` reads every stored territory change (the fused ones when fusion has
run, the raw claims that no fused event holds), derives the periods
(:func:`frontline.fuse.control.derive_control`) and replaces the whole table in one
transaction, so a failure leaves the previous timeline and re-running gives the same rows.
After an incremental fusion it re-derives only the places the fusion touched
(:mod:`frontline.store.control_update`).
Values only ever travel as bound parameters.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Select, delete, func, or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from frontline.errors import InputError, StoreError
from frontline.records import ControlPeriod, Event, FusedEvent
from frontline.store.fused import row_to_fused
from frontline.store.mapping import row_to_event
from frontline.store.schema import (
    ControlAreaRow,
    ControlPeriodRow,
    EventRow,
    FusedEventRow,
    FusedMemberRow,
)
from frontline.store.store import Store
from frontline.store.url import display_url

if TYPE_CHECKING:
    from frontline.fuse.control import AreaClaim
    from frontline.fuse.control_shares import ControlShares
    from frontline.store.control_update import Touched

_WRITE = {"frontline_write": True}


@dataclass(frozen=True, slots=True)
class ControlFilter:
    """Which periods to read: ``place`` and ``within`` match whole names ignoring case;
    ``on`` keeps the periods that cover that day."""

    place: str | None = None
    within: str | None = None
    on: date | None = None


def replace_control_periods(
    store: Store, periods: Iterable[ControlPeriod], areas: Iterable[AreaClaim] | None = None
) -> int:
    """Replace every stored period with ``periods`` (and, when given, every stored area-level
    change with ``areas``) in one transaction; the number of periods written."""
    rows = [period_row(p) for p in periods]
    area_rows = None if areas is None else [area_row(a) for a in areas]
    try:
        with _writing(store) as session:
            session.execute(delete(ControlPeriodRow))
            session.add_all(rows)
            if area_rows is not None:
                session.execute(delete(ControlAreaRow))
                session.add_all(area_rows)
    except SQLAlchemyError as exc:
        raise StoreError(
            f"could not write the control timeline to {display_url(store.url)}: {exc} — "
            "the previous timeline was kept"
        ) from exc
    return len(rows)


def control_periods(store: Store, criteria: ControlFilter | None = None) -> list[ControlPeriod]:
    """Stored periods matching ``criteria``, by place, then start (unknown start first)."""
    stmt = _period_query(criteria or ControlFilter())
    with _reading(store) as session:
        return [_from_row(row) for row in session.scalars(stmt)]


def count_control_periods(store: Store) -> int:
    with _reading(store) as session:
        return session.scalar(select(func.count()).select_from(ControlPeriodRow)) or 0


def territory_claims(store: Store) -> list[FusedEvent | Event]:
    """The stored territory changes: fused events, and the raw claims no fused event holds."""
    with _reading(store) as session:
        fused = list(session.scalars(_fused_query()))
        members = _members(session)
        member_ids = {m for ids in members.values() for m in ids}
        raw = session.scalars(
            select(EventRow).where(EventRow.territory_change.is_(True)).order_by(EventRow.event_id)
        )
        events = [row_to_event(r) for r in raw if r.event_id not in member_ids]
        claims: list[FusedEvent | Event] = [
            row_to_fused(f, members.get(f.fused_id, ())) for f in fused
        ]
    return [*claims, *events]


def refresh_control(store: Store, touched: Touched | None = None) -> int:
    """Derive the timeline from the stored territory changes (each fused change read with its
    member claims) and store its periods and area-level changes; the periods written. With
    ``touched`` (what an incremental fusion changed), only the touched places' periods and
    the touched changes' area rows are derived and replaced
    (:func:`frontline.store.control_update.refresh_places`): the same rows in the end; a
    store with no timeline yet gets it whole."""
    from frontline.fuse.control import build_timeline

    if touched is not None and count_control_periods(store):  # else derive it all, once
        from frontline.store.control_update import refresh_places

        try:
            with _writing(store) as session:
                return refresh_places(session, touched)
        except SQLAlchemyError as exc:
            raise StoreError(
                f"could not write the control timeline to {display_url(store.url)}: {exc} — "
                "the previous timeline was kept"
            ) from exc
    timeline = build_timeline(territory_claims(store), members=member_claims(store))
    return replace_control_periods(store, timeline.periods, timeline.area_claims)


def member_claims(store: Store) -> dict[str, Event]:
    """The stored member claims of every fused territory change, by event id."""
    stmt = (
        select(EventRow)
        .join(FusedMemberRow, FusedMemberRow.event_id == EventRow.event_id)
        .join(FusedEventRow, FusedEventRow.fused_id == FusedMemberRow.fused_id)
        .where(FusedEventRow.territory_change.is_(True))
        .order_by(EventRow.event_id)
    )
    with _reading(store) as session:
        return {row.event_id: row_to_event(row) for row in session.scalars(stmt)}


def control_areas(store: Store, until: date | None = None) -> list[AreaClaim]:
    """Stored area-level changes (those on or before ``until``), by day then place."""
    stmt = select(ControlAreaRow)
    if until is not None:
        stmt = stmt.where(ControlAreaRow.on <= until)
    stmt = stmt.order_by(ControlAreaRow.on, ControlAreaRow.place, ControlAreaRow.id)
    with _reading(store) as session:
        return [_area_from_row(row) for row in session.scalars(stmt)]


def area_row(a: AreaClaim) -> ControlAreaRow:
    return ControlAreaRow(
        change_id=a.change_id,
        place=a.place,
        gazetteer_id=a.gazetteer_id,
        within=a.within,
        loser=a.loser,
        taker=a.taker,
        on=a.on,
        confidence=a.confidence,
        latitude=a.latitude,
        longitude=a.longitude,
    )


def _area_from_row(row: ControlAreaRow) -> AreaClaim:
    from frontline.fuse.control import AreaClaim

    return AreaClaim(
        change_id=row.change_id,
        place=row.place,
        gazetteer_id=row.gazetteer_id,
        on=row.on,
        loser=row.loser,
        taker=row.taker,
        confidence=row.confidence,
        within=row.within,
        latitude=row.latitude,
        longitude=row.longitude,
    )


def _fused_query() -> Select[FusedEventRow]:
    return (
        select(FusedEventRow)
        .where(FusedEventRow.territory_change.is_(True))
        .order_by(FusedEventRow.fused_id)
    )


def _members(session: Session) -> dict[str, tuple[str, ...]]:
    """The member claims of every fused territory change (a join, no list of ids)."""
    out: dict[str, list[str]] = {}
    stmt = (
        select(FusedMemberRow.fused_id, FusedMemberRow.event_id)
        .join(FusedEventRow, FusedEventRow.fused_id == FusedMemberRow.fused_id)
        .where(FusedEventRow.territory_change.is_(True))
        .order_by(FusedMemberRow.event_id)
    )
    for fused_id, event_id in session.execute(stmt):
        out.setdefault(fused_id, []).append(event_id)
    return {k: tuple(v) for k, v in out.items()}


def _period_query(criteria: ControlFilter) -> Select[ControlPeriodRow]:
    stmt = select(ControlPeriodRow)
    if criteria.place:
        stmt = stmt.where(func.lower(ControlPeriodRow.place) == criteria.place.lower())
    if criteria.within:
        stmt = stmt.where(func.lower(ControlPeriodRow.within) == criteria.within.lower())
    if criteria.on is not None:
        stmt = stmt.where(
            or_(ControlPeriodRow.since.is_(None), ControlPeriodRow.since <= criteria.on),
            or_(ControlPeriodRow.until.is_(None), ControlPeriodRow.until > criteria.on),
        )
    return stmt.order_by(
        ControlPeriodRow.place,
        func.coalesce(ControlPeriodRow.gazetteer_id, ""),
        ControlPeriodRow.since.is_not(None),
        ControlPeriodRow.since,
        ControlPeriodRow.id,
    )


def period_row(period: ControlPeriod) -> ControlPeriodRow:
    return ControlPeriodRow(
        place=period.place,
        gazetteer_id=period.gazetteer_id,
        within=period.within,
        faction=period.faction,
        since=period.since,
        until=period.until,
        confidence=period.confidence,
        evidence=list(period.evidence),
        latitude=period.latitude,
        longitude=period.longitude,
    )


def _from_row(row: ControlPeriodRow) -> ControlPeriod:
    return ControlPeriod(
        place=row.place,
        faction=row.faction,
        since=row.since,
        until=row.until,
        confidence=row.confidence,
        evidence=tuple(row.evidence),
        gazetteer_id=row.gazetteer_id,
        within=row.within,
        latitude=row.latitude,
        longitude=row.longitude,
    )


@contextmanager
def _writing(store: Store) -> Iterator[Session]:
    with Session(store.engine.execution_options(**_WRITE)) as session, session.begin():
        yield session


@contextmanager
def _reading(store: Store) -> Iterator[Session]:
    try:
        with Session(store.engine) as session:
            yield session
    except SQLAlchemyError as exc:
        raise StoreError(f"could not read {display_url(store.url)}: {exc}") from exc


@dataclass(frozen=True, slots=True)
class ControlView:
    """What ``frontline control`` shows: the holder of each place inside ``place`` on ``on``,
    and the shares per faction (None when the gazetteer does not know the place)."""

    place: str
    on: date
    holders: tuple[ControlPeriod, ...]
    shares: ControlShares | None
    refreshed: bool
    areas: tuple[AreaClaim, ...] = ()


def control_view(store: Store, place: str, on: date, *, refresh: bool = False) -> ControlView:
    """The holders of ``place`` and every place inside it on ``on``, from the stored timeline.

    The timeline is (re)computed first when ``refresh`` is set, or when none is stored but
    territory changes are. Raises InputError when neither the gazetteer nor the timeline
    knows ``place``.
    """
    from frontline.fuse.control import holders_on
    from frontline.fuse.control_shares import control_shares, find_area, periods_within
    from frontline.geo.gazetteer import Gazetteer

    refreshed = refresh or (count_control_periods(store) == 0 and _has_changes(store))
    if refreshed:
        refresh_control(store)
    periods = control_periods(store, ControlFilter(on=on))
    gaz = Gazetteer.default()
    area = find_area(gaz, place, periods)
    if area is None:
        named = [p for p in periods if place.casefold() in (p.place.casefold(), _low(p.within))]
        if not named and not _named_anywhere(store, place) and not _area_named(store, place):
            raise InputError("--place", f"no place named {place!r} in the gazetteer or timeline")
        areas = tuple(
            a
            for a in control_areas(store, until=on)
            if place.casefold() in (a.place.casefold(), _low(a.within))
        )
        return ControlView(place, on, tuple(holders_on(named, on)), None, refreshed, areas)
    holders = holders_on(periods_within(gaz, area, periods), on)
    areas = tuple(
        a
        for a in control_areas(store, until=on)
        if a.gazetteer_id == area.id
        or _low(a.within) == area.name.casefold()
        or (a.gazetteer_id is not None and gaz.contains(area.id, a.gazetteer_id))
    )
    shares = control_shares(gaz, area, holders, on)
    return ControlView(area.name, on, tuple(holders), shares, refreshed, areas)


def _low(text: str | None) -> str:
    return (text or "").casefold()


def _has_changes(store: Store) -> bool:
    with _reading(store) as session:
        found = session.scalar(
            select(EventRow.event_id).where(EventRow.territory_change.is_(True)).limit(1)
        )
    return found is not None


def _area_named(store: Store, place: str) -> bool:
    return any(place.casefold() == a.place.casefold() for a in control_areas(store))


def _named_anywhere(store: Store, place: str) -> bool:
    """Whether any stored period (on any day) names ``place`` or lies within it."""
    return bool(
        control_periods(store, ControlFilter(place=place))
        or control_periods(store, ControlFilter(within=place))
    )
