"""The HTTP API: ``create_app(settings)`` builds the FastAPI application over the store.

Routes live in ``routes_*`` modules; this module wires the store, the limits (request size,
rate), CORS, the error envelope, and the map page (``/`` and ``/static`` from
``frontline/web/``). Run it with ``frontline serve``.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import event
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from frontline import __version__
from frontline.api import errors
from frontline.api.context import Context, read_access
from frontline.api.limits import LimitsMiddleware
from frontline.api.queries import has_rtree
from frontline.api.routes_catalog import router as catalog_router
from frontline.api.routes_control import router as control_router
from frontline.api.routes_events import router as events_router
from frontline.api.routes_ingest import router as ingest_router
from frontline.api.warm import warm_up
from frontline.config import Settings
from frontline.store import Store

WEB_DIR = Path(__file__).resolve().parent.parent / "web"

Background = Callable[[Context], Callable[[], None]]
"""Starts a background job (the feed watcher) for the app; returns the function that stops it."""


def create_app(
    settings: Settings | str | None = None,
    *,
    clock: Callable[[], float] = time.monotonic,
    background: Background | None = None,
) -> FastAPI:
    """The API over ``settings.db`` (a database URL alone is accepted too)."""
    if not isinstance(settings, Settings):
        settings = Settings(db=settings)
    store = Store.open(settings.db)
    if store.engine.dialect.name == "postgresql":
        event.listen(store.engine, "connect", _custom_plans)
        store.engine.dispose()  # pooled connections from the migration lack the setting
    with store.engine.connect() as connection:
        rtree = has_rtree(connection)
    ctx = Context(settings, store, rtree)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        warm_up(ctx)  # before the first request: the first visitor should not wait for it
        stop = background(ctx) if background is not None else None
        try:
            yield
        finally:
            if stop is not None:
                stop()
            store.close()

    app = FastAPI(
        title="frontline",
        version=__version__,
        description="Verified, geolocated events from war reporting (ACLED vocabulary).",
        lifespan=lifespan,
    )
    app.state.context = ctx
    errors.install(app)
    _routes(app)
    _web(app)
    app.add_middleware(
        LimitsMiddleware,
        max_bytes=settings.max_request_bytes,
        per_minute=settings.rate_limit_per_minute,
        clock=clock,
    )
    if settings.trusted_proxies:
        # outside the limits: behind a trusted proxy, X-Forwarded-For names the client
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=list(settings.trusted_proxies))
    # added last, so outermost: refusals (413, 429) carry the CORS headers too
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type"],
        )
    return app


def _custom_plans(dbapi_connection: Any, _record: Any) -> None:
    """PostgreSQL plans each query for its own values: a generic plan for "a date range and a
    box" cannot know whether the range is a day or eleven years, and guesses badly."""
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET plan_cache_mode = force_custom_plan")
    dbapi_connection.commit()


def _routes(app: FastAPI) -> None:
    reads: list[Any] = [Depends(read_access)]
    app.include_router(events_router, dependencies=reads)
    app.include_router(control_router, dependencies=reads)
    app.include_router(catalog_router, dependencies=reads)
    app.include_router(ingest_router)

    @app.get("/health", tags=["meta"])
    def health() -> dict[str, str]:
        """Liveness: the server answers."""
        return {"status": "ok", "version": __version__}


def _web(app: FastAPI) -> None:
    index = WEB_DIR / "index.html"

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(index, media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=WEB_DIR, check_dir=False), name="static")
