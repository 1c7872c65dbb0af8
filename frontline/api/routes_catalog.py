"""``GET /places``, ``/sources``, ``/documents/{id}``, ``/boundaries`` and ``/config``."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
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


@router.get("/sources")
def sources(ctx: Ctx) -> dict[str, Any]:
    """Outlets: who they are, their camp, how much the store holds from them, credibility."""
    outlets = ctx.outlets()
    with ctx.store.engine.connect() as connection:
        docs = dict(
            connection.execute(
                select(DocumentRow.source, func.count()).group_by(DocumentRow.source)
            ).all()
        )
        events = dict(
            connection.execute(
                select(EventRow.source, func.count()).group_by(EventRow.source)
            ).all()
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


@router.get("/boundaries")
def boundaries(
    ctx: Ctx,
    level: Literal["admin1", "admin2", "neighbourhoods"] = "admin1",
    city: Annotated[str | None, Query(max_length=200)] = None,
) -> dict[str, Any]:
    """The bundled boundaries as GeoJSON (a base layer when there is no tile server)."""
    key = ("boundaries", level, (city or "").casefold())
    if key not in ctx.cache:
        ctx.cache[key] = _boundaries(level, city)
    found: dict[str, Any] = ctx.cache[key]
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
        features.append(
            {
                "type": "Feature",
                "id": entry.id,
                "geometry": dict(mapping(shape)),
                "properties": {"name": entry.name, "admin1": entry.admin1, "kind": entry.kind},
            }
        )
    return {"type": "FeatureCollection", "features": features}


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
