"""``GET /places``, ``/sources``, ``/documents/{id}``, ``/boundaries`` and ``/config``."""

from __future__ import annotations

import json
import time
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Response
from sqlalchemy import case, func, select

from frontline.api.context import Context, context
from frontline.api.errors import ApiError
from frontline.store.schema import CredibilityRow, DocumentRow, EventRow

router = APIRouter(tags=["catalog"])
Ctx = Annotated[Context, Depends(context)]
_MAX_ALIASES = 25


def _place_item(entry: Any) -> dict[str, Any]:
    aliases = [n for n in entry.names if n != entry.name][:_MAX_ALIASES]
    return {
        "name": entry.name,
        "gazetteer_id": entry.id,
        "feature": entry.kind,
        "admin1": entry.admin1,
        "latitude": entry.lat,
        "longitude": entry.lon,
        "aliases": aliases,
    }


@router.get("/places")
def places(
    q: Annotated[str, Query(min_length=1, max_length=200, description="a name or its start")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    """Gazetteer places whose name or alias is ``q`` (any spelling), then those starting so."""
    from frontline.geo import fold
    from frontline.geo.gazetteer import Gazetteer

    gaz = Gazetteer.default()
    found = {c.entry.id: c.entry for c in gaz.candidates(q)}
    key = fold(q)
    if key and len(found) < limit:
        for entry in gaz:
            if entry.id not in found and any(fold(n).startswith(key) for n in entry.names):
                found[entry.id] = entry
                if len(found) >= limit:
                    break
    ranked = sorted(found.values(), key=lambda e: (fold(e.name) != key, -e.population))
    return {"items": [_place_item(e) for e in ranked[:limit]]}


def _credibility_by_source(connection: Any) -> dict[str | None, dict[str, float]]:
    c = CredibilityRow
    credible = func.sum(case((c.label == "credible", 1), else_=0))
    stmt = select(c.source, func.avg(c.score), credible, func.count()).group_by(c.source)
    return {
        source: {"mean": round(float(mean), 3), "credible_share": round(int(ok) / n, 3)}
        for source, mean, ok, n in connection.execute(stmt)
    }


_SOURCES_TTL_S = 60.0


@router.get("/sources")
def sources(ctx: Ctx) -> dict[str, Any]:
    """Outlets: who they are, their camp, how much the store holds from them, credibility.

    Counting every event per outlet reads the whole table, so the answer is kept until a
    document is added (document ids only grow) or for a minute (credibility is rescored as
    later articles corroborate earlier ones).
    """
    with ctx.store.engine.connect() as connection:
        newest = connection.scalar(select(func.max(DocumentRow.id)))
        kept = ctx.cache.get("sources")
        if kept is None or kept[0] != newest or time.monotonic() - kept[1] > _SOURCES_TTL_S:
            kept = (newest, time.monotonic(), _sources(ctx, connection))
            ctx.cache["sources"] = kept
    found: dict[str, Any] = kept[2]
    return found


def _sources(ctx: Context, connection: Any) -> dict[str, Any]:
    outlets = ctx.outlets()
    docs = dict(
        connection.execute(
            select(DocumentRow.source, func.count()).group_by(DocumentRow.source)
        ).all()
    )
    events = dict(
        connection.execute(select(EventRow.source, func.count()).group_by(EventRow.source)).all()
    )
    credibility = _credibility_by_source(connection)
    codes = sorted({*outlets.codes(), *(s for s in docs if s)})
    items = []
    for code in codes:
        info = outlets.info(code)
        items.append(
            {
                "code": code,
                "name": info.name,
                "country": info.country or None,
                "camp": info.camp,
                "ownership": info.ownership or None,
                "documents": int(docs.get(code, 0)),
                "events": int(events.get(code, 0)),
                "credibility": credibility.get(code),
            }
        )
    return {"items": items}


@router.get("/documents/{doc_id}")
def document(ctx: Ctx, doc_id: str) -> dict[str, Any]:
    """A stored article (its newest version) with the ids of its events and its credibility."""
    with ctx.store.engine.connect() as connection:
        row = (
            connection.execute(
                select(DocumentRow)
                .where(DocumentRow.doc_id == doc_id)
                .order_by(DocumentRow.id.desc())
                .limit(1)
            )
            .mappings()
            .first()
        )
        if row is None:
            raise ApiError(404, f"no document with id {doc_id!r}")
        ids = connection.scalars(
            select(EventRow.event_id)
            .where(EventRow.document_id == row["id"])
            .order_by(EventRow.evidence_start, EventRow.event_id)
        ).all()
        cred = (
            connection.execute(select(CredibilityRow).where(CredibilityRow.doc_id == doc_id))
            .mappings()
            .first()
        )
    return {
        "doc_id": row["doc_id"],
        "title": row["title"],
        "source": row["source"],
        "published": row["published"].isoformat() if row["published"] else None,
        "url": row["url"],
        "text": row["text"],
        "events": list(ids),
        "credibility": None
        if cred is None
        else {"score": cred["score"], "label": cred["label"], "reasons": list(cred["reasons"])},
    }


_KINDS = {"admin1": "governorate", "admin2": "district", "neighbourhoods": "neighbourhood"}


_BOUNDARY_DIGITS = 5  # about a metre: finer than the bundled simplified polygons


@router.get(
    "/boundaries",
    response_class=Response,
    responses={200: {"content": {"application/json": {}}, "description": "GeoJSON"}},
)
def boundaries(
    ctx: Ctx,
    level: Literal["admin1", "admin2", "neighbourhoods"] = "admin1",
    city: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    """The bundled boundaries as GeoJSON (a base layer when there is no tile server)."""
    return Response(
        boundaries_json(ctx, level, city),
        media_type="application/json",
        headers={"Cache-Control": "public, max-age=3600"},
    )


def boundaries_json(ctx: Context, level: str, city: str | None) -> bytes:
    """The GeoJSON of one boundary level, encoded once per app and kept (it never changes)."""
    key = ("boundaries", level, (city or "").casefold())
    if key not in ctx.cache:
        collection = _boundaries(level, city)
        ctx.cache[key] = json.dumps(collection, separators=(",", ":")).encode()
    found: bytes = ctx.cache[key]
    return found


def _boundaries(level: str, city: str | None) -> dict[str, Any]:
    from shapely.geometry import mapping

    from frontline.geo.gazetteer import Gazetteer

    gaz = Gazetteer.default()
    within = None
    if city:
        cities = [e for e in gaz.lookup(city) if e.kind in ("city", "town")]
        if not cities:
            raise ApiError(404, f"no city named {city!r} in the gazetteer")
        within = cities[0]
    features = []
    for entry in gaz:
        if entry.kind != _KINDS[level]:
            continue
        shape = gaz.polygon(entry.id)
        if shape is None or (within is not None and not gaz.contains(within.id, entry.id)):
            continue
        geometry = dict(mapping(shape))
        geometry["coordinates"] = _rounded(geometry["coordinates"])
        features.append(
            {
                "type": "Feature",
                "id": entry.id,
                "geometry": geometry,
                "properties": {"name": entry.name, "admin1": entry.admin1, "kind": entry.kind},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _rounded(coordinates: Any) -> Any:
    """Nested coordinate arrays with every number rounded (smaller answers, same drawing)."""
    if isinstance(coordinates, (int, float)):
        return round(float(coordinates), _BOUNDARY_DIGITS)
    return [_rounded(part) for part in coordinates]


@router.get("/config")
def config(ctx: Ctx) -> dict[str, Any]:
    """What the map page needs: tile server, faction colours, the starting view."""
    s = ctx.settings
    return {
        "tile_url": s.tile_url,
        "factions": dict(s.factions),
        "default_view": {
            "center": list(s.map_center),
            "zoom": s.map_zoom,
            "date": s.map_date.isoformat() if s.map_date else None,
        },
    }
