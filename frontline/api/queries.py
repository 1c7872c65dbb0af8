"""The API's reads: events (fused or claims) filtered, paged and counted cheaply.

Every user value travels as a bound parameter. A bbox + date query takes one of two paths:

- few candidates (at most ``RTREE_FEW``, counted in the spatial index: SQLite's R*Tree of
  migration 0003 over days and coordinates, PostgreSQL's GiST point index over the box
  alone): the index finds them, the rows are read, and they are sorted;
- many candidates: the date index is walked in order and the bbox checked on each entry
  until a page is full, so the work is about a page's worth, not the whole match.

``total`` is exact up to ``count_cap`` matches; above it the answer says ``total_exact:
false`` (a count of a million rows per page would cost more than the page), unless an exact
count is asked.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Float,
    Integer,
    MetaData,
    Select,
    Table,
    Text,
    and_,
    cast,
    false,
    func,
    inspect,
    literal_column,
    or_,
    select,
)
from sqlalchemy.engine import RowMapping

from frontline.store.schema import EventRow, FusedEventRow

FUSED: Table = FusedEventRow.__table__  # type: ignore[assignment]
CLAIMS: Table = EventRow.__table__  # type: ignore[assignment]
RTREE_FEW = 1000
SCALE = 1000  # migration 0003 stores latitude and longitude times 1000
EPOCH = date(1970, 1, 1)
_RTREE_META = MetaData()


def _rtree(name: str) -> Table:
    bounds = ("min_day", "max_day", "min_lat", "max_lat", "min_lon", "max_lon")
    return Table(name, _RTREE_META, Column("id", Integer), *(Column(b, Float) for b in bounds))


RTREES = {"fused_events": _rtree("fused_events_rtree"), "events": _rtree("events_rtree")}


@dataclass(frozen=True, slots=True)
class EventQuery:
    """The filters of ``GET /events`` (``bbox``: min lon, min lat, max lon, max lat)."""

    since: date | None = None
    until: date | None = None
    bbox: tuple[float, float, float, float] | None = None
    place: str | None = None
    type: str | None = None
    actor: str | None = None
    source: str | None = None
    camp: str | None = None
    min_sources: int | None = None
    limit: int = 100
    offset: int = 0
    exact_count: bool = False


@dataclass(frozen=True, slots=True)
class Page:
    rows: list[RowMapping]
    total: int
    total_exact: bool


def id_column(table: Table) -> Any:
    return table.c.fused_id if table is FUSED else table.c.event_id


def has_rtree(connection: Connection) -> bool:
    """Whether the spatial R*Trees of migration 0003 are there (SQLite only)."""
    if connection.dialect.name != "sqlite":
        return False
    return "fused_events_rtree" in inspect(connection).get_table_names()


def _json_list_has(column: Any, value: str) -> ColumnElement[bool]:
    """A JSON list column holds ``value`` (case-insensitive), as a bound LIKE pattern."""
    quoted = json.dumps(value.lower())
    escaped = quoted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return func.lower(cast(column, Text)).like(f"%{escaped}%", escape="\\")


def _lower_is(column: Any, value: str) -> ColumnElement[bool]:
    return func.lower(column) == value.lower()


class _Columns:
    """``table``'s columns; those named in ``plain`` are written ``+table.col``, which keeps
    SQLite from using an index on them (how the access path above is imposed)."""

    def __init__(self, table: Table, plain: frozenset[str]) -> None:
        self._table = table
        self._plain = plain

    def __getattr__(self, name: str) -> Any:
        column = self._table.c[name]
        if name in self._plain:
            return literal_column(f"+{self._table.name}.{name}", type_=column.type)
        return column


def conditions(
    table: Table,
    q: EventQuery,
    camp_sources: Sequence[str] = (),
    plain: frozenset[str] = frozenset(),
) -> list[Any]:
    """WHERE clauses for ``q`` on ``table`` (fused events or claims)."""
    c = _Columns(table, plain)
    out: list[Any] = []
    if q.since is not None:
        out.append(c.event_date >= q.since)
    if q.until is not None:
        out.append(c.event_date <= q.until)
    if q.bbox is not None:
        minlon, minlat, maxlon, maxlat = q.bbox
        out += [c.latitude.between(minlat, maxlat), c.longitude.between(minlon, maxlon)]
    if q.type:
        out.append(or_(_lower_is(c.event_type, q.type), _lower_is(c.sub_event_type, q.type)))
    if q.actor:
        out.append(or_(_lower_is(c.actor1, q.actor), _lower_is(c.actor2, q.actor)))
    if q.place:
        place = _lower_is(c.location, q.place)
        out.append(place if table is FUSED else or_(place, _lower_is(c.location_text, q.place)))
    out += _source_conditions(table, q, camp_sources)
    return out


def _source_conditions(table: Table, q: EventQuery, camp_sources: Sequence[str]) -> list[Any]:
    c = table.c
    out: list[Any] = []
    if table is FUSED:
        if q.source:
            out.append(_json_list_has(c.sources, q.source))
        if q.camp:
            out.append(_json_list_has(c.camps, q.camp))
        if q.min_sources is not None:
            out.append(c.independent_sources >= q.min_sources)
        return out
    if q.source:
        out.append(_lower_is(c.source, q.source))
    if q.camp:
        out.append(
            func.lower(c.source).in_([s.lower() for s in camp_sources]) if camp_sources else false()
        )
    if q.min_sources is not None and q.min_sources > 1:
        out.append(false())
    return out


def _rtree_bounds(tree: Table, q: EventQuery) -> list[Any]:
    out: list[Any] = []
    if q.since is not None:
        out.append(tree.c.min_day >= (q.since - EPOCH).days)
    if q.until is not None:
        out.append(tree.c.max_day <= (q.until - EPOCH).days)
    if q.bbox is not None:
        minlon, minlat, maxlon, maxlat = q.bbox
        # float32 in the tree: widen by a hair, the exact test is on the table's own columns
        out += [
            tree.c.min_lat >= minlat * SCALE - 1,
            tree.c.max_lat <= maxlat * SCALE + 1,
            tree.c.min_lon >= minlon * SCALE - 1,
            tree.c.max_lon <= maxlon * SCALE + 1,
        ]
    return out


def _point_in_box(table: Table, bbox: tuple[float, float, float, float]) -> Any:
    """PostgreSQL: the GiST-indexable form of the bbox test (migration 0003)."""
    minlon, minlat, maxlon, maxlat = bbox
    point = func.point(table.c.longitude, table.c.latitude)
    box = func.box(func.point(minlon, minlat), func.point(maxlon, maxlat))
    return point.op("<@")(box)


_ALL_PLAIN = frozenset({"event_date", "latitude", "longitude", "independent_sources"})
_WALK_PLAIN = frozenset({"latitude", "longitude", "independent_sources"})


def base_select(
    connection: Connection,
    table: Table,
    q: EventQuery,
    rtree: bool,
    camp_sources: Sequence[str] = (),
) -> Select[Any]:
    """The filtered SELECT over ``table``, with the access path chosen (see module doc)."""
    spatial = q.bbox is not None or q.since is not None or q.until is not None
    if connection.dialect.name == "postgresql" and q.bbox is not None:
        return _postgres_select(connection, table, q, camp_sources)
    if not (rtree and spatial):
        return select(table).where(*conditions(table, q, camp_sources))
    tree = RTREES[table.name]
    few = select(tree.c.id).where(*_rtree_bounds(tree, q)).limit(RTREE_FEW + 1).subquery()
    candidates = connection.scalar(select(func.count()).select_from(few)) or 0
    if candidates <= RTREE_FEW:
        return _through_rtree(table, q, camp_sources)
    return select(table).where(*conditions(table, q, camp_sources, _WALK_PLAIN))


def _postgres_select(
    connection: Connection, table: Table, q: EventQuery, camp_sources: Sequence[str]
) -> Select[Any]:
    """PostgreSQL: a box holding at most ``RTREE_FEW`` events at all (counted through the GiST
    point index, stopping past that) is read through that index and its matches sorted; a
    box holding more keeps the plain filters, and the planner (custom plans, see
    ``create_app``) walks the date index for a page. The planner cannot choose this itself:
    it rates any point-in-box test at a constant selectivity, whatever the box."""
    assert q.bbox is not None
    minlon, minlat, maxlon, maxlat = q.bbox
    c = table.c
    box = (c.latitude.between(minlat, maxlat), c.longitude.between(minlon, maxlon))
    # counted in the (latitude, longitude) B-tree, read alone, stopping past RTREE_FEW: a
    # bitmap of the GiST index would collect every point in a dense box before stopping
    probe: Select[Any] = select(c.latitude).where(*box).limit(RTREE_FEW + 1)
    candidates = connection.scalar(select(func.count()).select_from(probe.subquery())) or 0
    stmt = select(table).where(*conditions(table, q, camp_sources))
    if candidates <= RTREE_FEW:
        return stmt.where(_point_in_box(table, q.bbox)).execution_options(frontline_path="gist")
    return stmt


def _through_rtree(table: Table, q: EventQuery, camp_sources: Sequence[str]) -> Select[Any]:
    """The SELECT driven by the R*Tree: candidates from the tree, rows read by rowid."""
    tree = RTREES[table.name]
    rowid: Any = literal_column(f"{table.name}.rowid")
    found = conditions(table, q, camp_sources, _ALL_PLAIN)
    joined = tree.join(table, rowid == tree.c.id)
    stmt = select(table).select_from(joined).where(*_rtree_bounds(tree, q), *found)
    return stmt.execution_options(frontline_path="rtree")


def events_page(
    connection: Connection,
    table: Table,
    q: EventQuery,
    *,
    count_cap: int,
    rtree: bool,
    camp_sources: Sequence[str] = (),
) -> Page:
    """One page of events and the (capped) number of matches.

    A page that is not full is the last one, and gives the count without a second query.
    Otherwise, on SQLite the count is driven by the R*Tree when the query is spatial: walking
    the date index to count thousands of sparse matches is what costs, not the page.
    """
    stmt = base_select(connection, table, q, rtree, camp_sources)
    day: Any = table.c.event_date
    if stmt.get_execution_options().get("frontline_path") == "rtree":
        day = literal_column(f"+{table.name}.event_date")  # sort the few, never walk for order
    ordered = stmt.order_by(day, id_column(table)).offset(q.offset).limit(q.limit)
    rows = list(connection.execute(ordered).mappings())
    if len(rows) < q.limit and (rows or q.offset == 0):
        return Page(rows, q.offset + len(rows), True)  # a page not full is the last one
    if rtree and (q.bbox is not None or q.since is not None or q.until is not None):
        stmt = _through_rtree(table, q, camp_sources)
    counted: Select[Any] = stmt.with_only_columns(id_column(table))
    if not q.exact_count:
        counted = counted.limit(count_cap + 1)
    total = connection.scalar(select(func.count()).select_from(counted.subquery())) or 0
    if not q.exact_count and total > count_cap:
        return Page(rows, count_cap, False)
    return Page(rows, total, True)


def daily_counts(
    connection: Connection,
    table: Table,
    q: EventQuery,
    rtree: bool,
    camp_sources: Sequence[str] = (),
) -> list[tuple[date, int]]:
    """Events per day for ``q`` (undated events left out)."""
    stmt = base_select(connection, table, q, rtree, camp_sources)
    inner = (
        stmt.where(table.c.event_date.is_not(None)).with_only_columns(table.c.event_date).subquery()
    )
    grouped = (
        select(inner.c.event_date, func.count())
        .group_by(inner.c.event_date)
        .order_by(inner.c.event_date)
    )
    return [(day, int(n)) for day, n in connection.execute(grouped)]


def has_rows(connection: Connection, table: Table) -> bool:
    return connection.scalar(select(id_column(table)).limit(1)) is not None


def and_all(items: Sequence[Any]) -> Any:
    return and_(*items)
