"""Long-running commands: serve (the HTTP API) and watch (feed polling)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from frontline.cli.common import (
    _db_option,
    _open_store,
)
from frontline.errors import SetupError


def _settings(config: Path | None, db: str | None) -> Any:
    """The settings of ``--config`` (else FRONTLINE_CONFIG) and the environment, ``--db`` last."""
    from frontline.config import load_settings, with_overrides

    return with_overrides(load_settings(config), db=db)


_CONFIG_OPTION = click.option(
    "--config",
    "config",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Settings file (TOML; see frontline.example.toml); default FRONTLINE_CONFIG.",
)


@click.command()
@_db_option
@_CONFIG_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--watch", "watch_feeds", is_flag=True, help="Poll the configured feeds meanwhile.")
def serve(db: str | None, config: Path | None, host: str, port: int, watch_feeds: bool) -> None:
    """Serve the HTTP API and the map page (OpenAPI description at /docs and /openapi.json)."""
    import logging

    import uvicorn

    from frontline.api import create_app

    settings = _settings(config, db)
    background = None
    if watch_feeds:
        if not settings.feeds:
            raise SetupError("--watch needs feeds: set [watch] feeds or FRONTLINE_FEEDS")
        background = _background_watcher(settings)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    uvicorn.run(
        create_app(settings, background=background),
        host=host,
        port=port,
        proxy_headers=False,  # the app reads X-Forwarded-For itself ([api] trusted_proxies)
    )


def _background_watcher(settings: Any) -> Any:
    from frontline.watch import Watcher, start_in_background

    def start(ctx: Any) -> Any:
        watcher = Watcher(
            ctx.store,
            settings.feeds,
            interval_s=settings.feed_interval_s,
            max_backoff_s=settings.max_backoff_s,
        )
        return start_in_background(watcher)

    return start


@click.command()
@_db_option
@_CONFIG_OPTION
@click.option(
    "--feed", "feeds", multiple=True, help="A feed URL or file (repeatable); default: configured."
)
@click.option(
    "--interval", type=click.FloatRange(min=0.1), help="Seconds between polls (default 900)."
)
@click.option("--max-polls", type=click.IntRange(1), help="Stop after this many polls.")
@click.option("--once", is_flag=True, help="Poll once and stop (same as --max-polls 1).")
def watch(
    db: str | None,
    config: Path | None,
    feeds: tuple[str, ...],
    interval: float | None,
    max_polls: int | None,
    once: bool,
) -> None:
    """Poll RSS/Atom feeds, ingest only new items, and update events, control and scores."""
    import logging

    from frontline.watch import Watcher

    settings = _settings(config, db)
    chosen = feeds or settings.feeds
    if not chosen:
        raise SetupError("no feeds: pass --feed URL or set [watch] feeds / FRONTLINE_FEEDS")
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    with _open_store(settings.db) as store:
        watcher = Watcher(
            store,
            chosen,
            interval_s=interval or settings.feed_interval_s,
            max_backoff_s=settings.max_backoff_s,
        )
        polls = watcher.run(max_polls=1 if once else max_polls)
    failing = [s.url for s in watcher.states if s.failures]
    click.echo(f"{polls} polls of {len(chosen)} feeds; failing now: {', '.join(failing) or 'none'}")
