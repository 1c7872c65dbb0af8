"""``GET /control``: who held which place on a day, as polygons or points, with shares."""

from __future__ import annotations

import importlib
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy import or_, select

from frontline.api.context import Context, context
from frontline.api.errors import ApiError
from frontline.records import ControlPeriod
from frontline.store.schema import ControlPeriodRow

router = APIRouter(tags=["control"])
Ctx = Annotated[Context, Depends(context)]


def _optional(name: str) -> Any | None:
    """A module of the fuse stage when this installation has it, else None."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def periods_on(ctx: Context, on: date) -> list[ControlPeriod]:
    """Stored control periods that cover ``on``."""
    c = ControlPeriodRow
    stmt = select(ControlPeriodRow).where(
        or_(c.since.is_(None), c.since <= on), or_(c.until.is_(None), c.until >= on)
    )
    with ctx.store.engine.connect() as connection:
        return [_period(row) for row in connection.execute(stmt.order_by(c.id)).mappings()]


def _period(row: Any) -> ControlPeriod:
    return ControlPeriod(
        place=row["place"],
        faction=row["faction"],
        since=row["since"],
        until=row["until"],
        confidence=row["confidence"],
        evidence=tuple(row["evidence"]),
        gazetteer_id=row["gazetteer_id"],
        within=row["within"],
        latitude=row["latitude"],
        longitude=row["longitude"],
    )


def holders(periods: list[ControlPeriod], on: date) -> list[ControlPeriod]:
    """One period per place: the fuse stage's choice when present, else the most confident."""
    control = _optional("frontline.fuse.control")
    if control is not None and hasattr(control, "holders_on"):
        return list(control.holders_on(periods, on))
    best: dict[tuple[str | None, str], ControlPeriod] = {}
    for p in periods:
        key = (p.gazetteer_id, p.place)
        if key not in best or p.confidence > best[key].confidence:
            best[key] = p
    return sorted(best.values(), key=lambda p: (p.within or "", p.place))


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
        "properties": {
            "place": period.place,
            "faction": period.faction,
            "since": period.since.isoformat() if period.since else None,
            "until": period.until.isoformat() if period.until else None,
            "confidence": period.confidence,
            "evidence": list(period.evidence),
            "within": period.within,
        },
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
    """(the area entry, its holders, shares) by the fuse stage's rules, or None."""
    shares = _optional("frontline.fuse.control_shares")
    if shares is None:
        return None
    area = shares.find_area(gaz, place, periods)
    if area is None:
        return None
    held = holders(shares.periods_within(gaz, area, periods), on)
    result = shares.control_shares(gaz, area, held, on)
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
            held = holders(
                [p for p in periods if low in (p.place.casefold(), (p.within or "").casefold())], on
            )
            if not held and not gaz.lookup(place):
                raise ApiError(404, f"no place named {place!r} in the gazetteer or the timeline")
            shares = _simple_shares(gaz, held)
    else:
        held = holders(periods, on)
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
