"""Getting the app ready before it takes requests.

The map page's first view needs the gazetteer and its polygons (``/boundaries``,
``/control``), the outlet directory (camps, ``/sources``) and the fuse stage's control rules;
each loads on first use and is kept for the process. Loading them in the app's start-up
(:func:`warm_up`, called from the lifespan) means uvicorn accepts connections only once they
are in memory, so the first visitor waits no longer than the next one.
"""

from __future__ import annotations

import logging
import time
from datetime import date

from sqlalchemy.exc import SQLAlchemyError

from frontline.api import queries, shapes
from frontline.api.context import Context
from frontline.api.errors import ApiError
from frontline.api.routes_catalog import boundaries_json, sources
from frontline.api.routes_control import control
from frontline.api.routes_events import Filters, choose_table, daily, to_event
from frontline.errors import FrontlineError

log = logging.getLogger(__name__)

FIRST_VIEW_BOUNDARIES = (("admin1", None), ("neighbourhoods", "Aleppo"))
"""The base layers the map page asks for when it opens (see frontline/web/app.js)."""


def warm_up(ctx: Context, on: date | None = None) -> float:
    """Load and encode what the first view needs; the seconds it took.

    A failure here (a missing data file, an unreachable database) is logged and left for the
    request that needs it to report in the API's error shape.
    """
    started = time.perf_counter()
    try:
        for level, city in FIRST_VIEW_BOUNDARIES:
            boundaries_json(ctx, level, city)
        sources(ctx)  # the outlet directory, and the per-outlet counts it keeps
        day = on or ctx.settings.map_date or date.today()
        control(ctx, day)  # the control rules, the polygons, one query
        daily(ctx, Filters(since=day, until=day))
        _events(ctx, day)
    except (FrontlineError, ApiError, SQLAlchemyError, OSError) as exc:
        log.warning("start-up warm-up incomplete: %s", exc)
    elapsed = time.perf_counter() - started
    log.info("ready in %.2f s (gazetteer, polygons, outlets, control rules loaded)", elapsed)
    return elapsed


def _events(ctx: Context, day: date) -> None:
    """One page of events as the map asks for it: compiles the queries, loads the camps."""
    table = choose_table(ctx, None)
    query = queries.EventQuery(since=day, until=day, limit=10)
    with ctx.store.engine.connect() as connection:
        page = queries.events_page(
            connection, table, query, count_cap=ctx.settings.count_cap, rtree=ctx.rtree
        )
    shapes.feature_collection([to_event(ctx, table, row) for row in page.rows])
