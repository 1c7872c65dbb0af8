"""``GET /events``, ``GET /events/{id}`` and ``GET /stats/daily``."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy import Table, select

from frontline.api import queries, shapes
from frontline.api.context import Context, context
from frontline.api.errors import ApiError
from frontline.store.schema import CopyRow, DocumentRow, EventRow, FusedMemberRow

router = APIRouter(tags=["events"])
Ctx = Annotated[Context, Depends(context)]


def parse_bbox(raw: str | None) -> tuple[float, float, float, float] | None:
    """``minlon,minlat,maxlon,maxlat`` as four numbers, or a 400 that says what is wrong."""
    if raw is None or not raw.strip():
        return None
    parts = raw.split(",")
    try:
        minlon, minlat, maxlon, maxlat = (float(p) for p in parts)
    except ValueError:
        raise ApiError(
            400, f"bbox {raw!r}: write minlon,minlat,maxlon,maxlat (four numbers)"
        ) from None
    if not (-180 <= minlon <= maxlon <= 180 and -90 <= minlat <= maxlat <= 90):
        raise ApiError(
            400,
            f"bbox {raw!r}: needs minlon <= maxlon within -180..180 "
            "and minlat <= maxlat within -90..90",
        )
    return minlon, minlat, maxlon, maxlat


class Filters:
    """The filter parameters shared by /events and /stats/daily."""

    def __init__(
        self,
        since: Annotated[date | None, Query(description="events on or after (YYYY-MM-DD)")] = None,
        until: Annotated[date | None, Query(description="events on or before (YYYY-MM-DD)")] = None,
        bbox: Annotated[str | None, Query(description="minlon,minlat,maxlon,maxlat")] = None,
        place: Annotated[str | None, Query(max_length=200)] = None,
        type: Annotated[
            str | None, Query(max_length=100, description="event or sub-event type")
        ] = None,
        actor: Annotated[str | None, Query(max_length=200)] = None,
        source: Annotated[str | None, Query(max_length=100, description="outlet code")] = None,
        camp: Annotated[str | None, Query(max_length=200)] = None,
        min_sources: Annotated[
            int | None, Query(ge=1, le=1000, description="minimum independent sources")
        ] = None,
        view: Annotated[Literal["fused", "claims"] | None, Query()] = None,
    ) -> None:
        if since and until and since > until:
            raise ApiError(400, f"since ({since}) is after until ({until})")
        self.view = view
        self.query = queries.EventQuery(
            since=since,
            until=until,
            bbox=parse_bbox(bbox),
            place=place or None,
            type=type or None,
            actor=actor or None,
            source=source or None,
            camp=camp or None,
            min_sources=min_sources,
        )


def choose_table(ctx: Context, view: str | None) -> Table:
    """Fused events when asked, or by default when the store has any; else claims."""
    if view == "claims":
        return queries.CLAIMS
    if view == "fused":
        return queries.FUSED
    with ctx.store.engine.connect() as connection:
        return queries.FUSED if queries.has_rows(connection, queries.FUSED) else queries.CLAIMS


def camp_sources(ctx: Context, camp: str | None) -> list[str]:
    if not camp:
        return []
    outlets = ctx.outlets()
    return [code for code in outlets.codes() if outlets.camp(code).lower() == camp.lower()]


def to_event(ctx: Context, table: Table, row: Any) -> dict[str, Any]:
    if table is queries.FUSED:
        return shapes.fused_event(row)
    return shapes.claim_event(row, ctx.camp(row["source"]))


@router.get("/events")
def list_events(
    request: Request,
    ctx: Ctx,
    filters: Annotated[Filters, Depends()],
    format: Literal["json", "geojson", "csv"] = "json",
    limit: Annotated[
        int, Query(ge=1, description="page size (at most the configured maximum, 1000)")
    ] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    count: Literal["capped", "exact"] = "capped",
) -> Any:
    """Events matching the filters, one page, as JSON, GeoJSON or ACLED-shaped CSV."""
    cap = ctx.settings.max_page_size
    if limit > cap:
        raise ApiError(400, f"limit {limit} is above the maximum page size {cap}")
    table = choose_table(ctx, filters.view)
    q = queries.EventQuery(
        **{
            **_fields(filters.query),
            "limit": limit,
            "offset": offset,
            "exact_count": count == "exact",
        }
    )
    with ctx.store.engine.connect() as connection:
        page = queries.events_page(
            connection,
            table,
            q,
            count_cap=ctx.settings.count_cap,
            rtree=ctx.rtree,
            camp_sources=camp_sources(ctx, q.camp),
        )
    items = [to_event(ctx, table, row) for row in page.rows]
    if format == "geojson":
        return JSONResponse(shapes.feature_collection(items))
    if format == "csv":
        return Response(shapes.acled_csv(items), media_type="text/csv; charset=utf-8")
    more = len(items) == limit and (offset + limit < page.total or not page.total_exact)
    following = str(request.url.include_query_params(offset=offset + limit)) if more else None
    # a ready response: no second pass through FastAPI's encoder (dates are strings already)
    return JSONResponse(
        {
            "items": items,
            "total": page.total,
            "total_exact": page.total_exact,
            "limit": limit,
            "offset": offset,
            "next": following,
            "view": "fused" if table is queries.FUSED else "claims",
        }
    )


def _fields(q: queries.EventQuery) -> dict[str, Any]:
    return {name: getattr(q, name) for name in q.__slots__}


@router.get("/stats/daily")
def daily(ctx: Ctx, filters: Annotated[Filters, Depends()]) -> dict[str, Any]:
    """Events per day (for the chart), under the same filters as /events."""
    table = choose_table(ctx, filters.view)
    q = filters.query
    with ctx.store.engine.connect() as connection:
        counts = queries.daily_counts(connection, table, q, ctx.rtree, camp_sources(ctx, q.camp))
    return {"items": [{"date": day.isoformat(), "count": n} for day, n in counts]}


@router.get("/events/{event_id}")
def one_event(ctx: Ctx, event_id: str) -> dict[str, Any]:
    """A fused event (or a single claim) with every supporting claim and its evidence."""
    with ctx.store.engine.connect() as connection:
        fused = (
            connection.execute(select(queries.FUSED).where(queries.FUSED.c.fused_id == event_id))
            .mappings()
            .first()
        )
        if fused is not None:
            members = _member_rows(connection, fused_id=event_id)
            event = shapes.fused_event(fused)
        else:
            claim = (
                connection.execute(
                    select(queries.CLAIMS).where(queries.CLAIMS.c.event_id == event_id)
                )
                .mappings()
                .first()
            )
            if claim is None:
                raise ApiError(404, f"no event with id {event_id!r}")
            members = [claim]
            event = shapes.claim_event(claim, ctx.camp(claim["source"]))
        event["members"] = _members(ctx, connection, members)
    return event


def _member_rows(connection: Any, fused_id: str) -> list[Any]:
    stmt = (
        select(queries.CLAIMS)
        .join(FusedMemberRow, FusedMemberRow.event_id == EventRow.event_id)
        .where(FusedMemberRow.fused_id == fused_id)
        .order_by(EventRow.event_date, EventRow.event_id)
    )
    return list(connection.execute(stmt).mappings())


def _members(ctx: Context, connection: Any, rows: list[Any]) -> list[dict[str, Any]]:
    doc_ids = sorted({r["doc_id"] for r in rows})
    published = dict(
        connection.execute(
            select(DocumentRow.doc_id, DocumentRow.published)
            .where(DocumentRow.doc_id.in_(doc_ids))
            .order_by(DocumentRow.id)
        ).all()
    )
    copies = dict(
        connection.execute(
            select(CopyRow.doc_id, CopyRow.original_doc_id).where(CopyRow.doc_id.in_(doc_ids))
        ).all()
    )
    return [
        shapes.member(r, ctx.camp(r["source"]), published.get(r["doc_id"]), copies.get(r["doc_id"]))
        for r in rows
    ]
