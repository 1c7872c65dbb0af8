"""``GET /control``: who held which place on a day, as polygons or points, with shares."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from frontline.api.context import Context, context
from frontline.api.errors import ApiError
from frontline.fuse.control import holders_on, period_dict
from frontline.fuse.control_shares import control_shares, find_area, periods_within
from frontline.records import ControlPeriod
from frontline.store.control import ControlFilter, control_periods

router = APIRouter(tags=["control"])
Ctx = Annotated[Context, Depends(context)]


def periods_on(ctx: Context, on: date) -> list[ControlPeriod]:
    """Stored control periods that cover ``on``."""
    return control_periods(ctx.store, ControlFilter(on=on))


def _geometry(gaz: Any, period: ControlPeriod) -> dict[str, Any] | None:
    from shapely.geometry import mapping

    shape = gaz.polygon(period.gazetteer_id) if period.gazetteer_id else None
    if shape is not None and not shape.is_empty:
        return dict(mapping(shape))
    entry = gaz.get(period.gazetteer_id) if period.gazetteer_id else None
    lat = period.latitude if period.latitude is not None else (entry.lat if entry else None)
    lon = period.longitude if period.longitude is not None else (entry.lon if entry else None)
    if lat is None or lon is None:
        return None
    return {"type": "Point", "coordinates": [lon, lat]}


def _feature(gaz: Any, period: ControlPeriod) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": _geometry(gaz, period),
        "properties": period_dict(period),
    }


def _simple_shares(gaz: Any, held: list[ControlPeriod]) -> dict[str, dict[str, float]]:
    """Shares counted over the places shown: by number, and by polygon area where known."""
    counts: dict[str, int] = {}
    areas: dict[str, float] = {}
    for p in held:
        counts[p.faction] = counts.get(p.faction, 0) + 1
        shape = gaz.polygon(p.gazetteer_id) if p.gazetteer_id else None
        if shape is not None:
            areas[p.faction] = areas.get(p.faction, 0.0) + float(shape.area)
    return {"by_count": _fractions(counts), "by_area": _fractions(areas)}


def _fractions(values: dict[str, Any]) -> dict[str, float]:
    total = float(sum(values.values()))
    return {k: round(v / total, 3) for k, v in values.items()} if total else {}


def _area_shares(gaz: Any, place: str, periods: list[ControlPeriod], on: date) -> Any:
    """(the area entry, its holders, shares) when ``place`` is an area with places inside."""
    area = find_area(gaz, place, periods)
    if area is None:
        return None
    held = holders_on(periods_within(gaz, area, periods), on)
    result = control_shares(gaz, area, held, on)
    by_count = {s.faction: s.count_share for s in result.known}
    by_area = {s.faction: s.area_share for s in result.known if s.area_share is not None}
    return area, held, {"by_count": by_count, "by_area": by_area}


@router.get("/control")
def control(
    ctx: Ctx,
    on: Annotated[date, Query(alias="date", description="the day (YYYY-MM-DD)")],
    place: Annotated[str | None, Query(max_length=200)] = None,
) -> dict[str, Any]:
    """Control by faction on a day: a place and what lies inside it, or every known place."""
    from frontline.geo.gazetteer import Gazetteer

    gaz = Gazetteer.default()
    periods = periods_on(ctx, on)
    name = place
    if place:
        found = _area_shares(gaz, place, periods, on)
        if found is not None:
            area, held, shares = found
            name = area.name
        else:
            low = place.casefold()
            held = holders_on(
                [p for p in periods if low in (p.place.casefold(), (p.within or "").casefold())], on
            )
            if not held and not gaz.lookup(place):
                raise ApiError(404, f"no place named {place!r} in the gazetteer or the timeline")
            shares = _simple_shares(gaz, held)
    else:
        held = holders_on(periods, on)
        shares = _simple_shares(gaz, held)
    factions = dict(ctx.settings.factions)
    return {
        "date": on.isoformat(),
        "place": name,
        "type": "FeatureCollection",
        "features": [_feature(gaz, p) for p in held],
        "shares": shares,
        "factions": {
            p.faction: factions.get(p.faction, factions.get("unknown", "#9e9e9e")) for p in held
        },
    }
