"""How often each place name occurs among the stored events, for growing the alias table.

``place_counts(store, unresolved_only=True)`` lists the names the gazetteer could not place
(or could not choose between), most frequent first: the rows an analyst adds to
``frontline/data/place_aliases.toml``. Values only ever travel as bound parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from frontline.errors import StoreError
from frontline.records import GeoStatus
from frontline.store.schema import EventRow
from frontline.store.store import Store
from frontline.store.url import display_url

_OPEN_STATUSES = (GeoStatus.UNRESOLVED.value, GeoStatus.AMBIGUOUS.value)


@dataclass(frozen=True, slots=True)
class PlaceCount:
    """One place as written, how it was resolved, and how many stored events name it."""

    location_text: str
    location: str | None
    gazetteer_id: str | None
    geo_status: str | None
    geo_precision: int | None
    count: int


def place_counts(store: Store, *, unresolved_only: bool) -> list[PlaceCount]:
    """The places of stored events with their counts, most frequent first (then by name).

    ``unresolved_only`` keeps the places whose status is unresolved or ambiguous. Events
    without a place are left out. Raises StoreError when the database cannot be read.
    """
    stmt = _place_query(unresolved_only)
    try:
        with Session(store.engine) as session:
            return [_to_count(row) for row in session.execute(stmt)]
    except SQLAlchemyError as exc:
        raise StoreError(f"could not read {display_url(store.url)}: {exc}") from exc


_PlaceQuery = Select[str | None, str | None, str | None, str | None, int | None, int]


def _place_query(unresolved_only: bool) -> _PlaceQuery:
    count = func.count().label("events")
    keys = (
        EventRow.location_text,
        EventRow.location,
        EventRow.gazetteer_id,
        EventRow.geo_status,
        EventRow.geo_precision,
    )
    stmt = select(*keys, count).where(EventRow.location_text.is_not(None)).group_by(*keys)
    if unresolved_only:
        stmt = stmt.where(EventRow.geo_status.in_(_OPEN_STATUSES))
    # NULLs sort differently in SQLite and PostgreSQL: order on coalesced values instead
    return stmt.order_by(
        count.desc(),
        func.lower(EventRow.location_text),
        EventRow.location_text,
        func.coalesce(EventRow.location, ""),
        func.coalesce(EventRow.gazetteer_id, ""),
        func.coalesce(EventRow.geo_status, ""),
        func.coalesce(EventRow.geo_precision, 0),
    )


def _to_count(row: Any) -> PlaceCount:
    text, location, gazetteer_id, status, precision, events = row
    return PlaceCount(text, location, gazetteer_id, status, precision, int(events))
