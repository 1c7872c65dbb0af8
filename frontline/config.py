"""Typed settings for the API and the feed watcher: a TOML file, then ``FRONTLINE_*`` variables.

Read once with :func:`load_settings` (the environment wins over the file); every value is
checked there, so a bad setting fails at start with a message naming the file or variable.
The file (``frontline.example.toml`` shows every key)::

    [store]  db
    [api]    token, protect_reads, cors_origins, max_request_bytes, rate_limit_per_minute,
             page_size, max_page_size, count_cap
    [watch]  feeds, interval_s, max_backoff_s
    [map]    tile_url, center, zoom, date, [map.factions] name = "#rrggbb"

Environment: ``FRONTLINE_CONFIG`` (the file), ``FRONTLINE_DB``, ``FRONTLINE_API_TOKEN``,
``FRONTLINE_PROTECT_READS`` (true/false), ``FRONTLINE_CORS_ORIGINS`` and ``FRONTLINE_FEEDS``
(comma-separated), ``FRONTLINE_MAX_REQUEST_BYTES``, ``FRONTLINE_RATE_LIMIT`` (requests per
minute per client, 0 = off), ``FRONTLINE_FEED_INTERVAL`` (seconds), ``FRONTLINE_TILE_URL``.
Extraction reads one variable of its own: ``FRONTLINE_TRIAGE`` (1/0, the trained triage after
the rules on or off; :func:`frontline.extract.triage.enabled`).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

from frontline.errors import SetupError

FACTIONS_FILE = Path(__file__).resolve().parent / "data" / "factions.toml"
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything ``frontline serve`` and ``frontline watch`` need, validated."""

    db: str | None = None
    api_token: str | None = None
    protect_reads: bool = False
    cors_origins: tuple[str, ...] = ()
    max_request_bytes: int = 10_000_000
    rate_limit_per_minute: int = 600
    page_size: int = 100
    max_page_size: int = 1000
    count_cap: int = 1000
    fetch_hosts: tuple[str, ...] = ()
    trusted_proxies: tuple[str, ...] = ("127.0.0.1",)
    feeds: tuple[str, ...] = ()
    feed_interval_s: float = 900.0
    max_backoff_s: float = 3600.0
    tile_url: str | None = None
    factions: Mapping[str, str] = field(default_factory=lambda: default_factions())
    map_center: tuple[float, float] = (35.0, 38.5)
    map_zoom: int = 7
    map_date: date | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "factions", MappingProxyType(dict(self.factions)))
        _check(self)


def _check(s: Settings) -> None:
    positive = {
        "max_request_bytes": s.max_request_bytes,
        "page_size": s.page_size,
        "max_page_size": s.max_page_size,
        "count_cap": s.count_cap,
        "feed_interval_s": s.feed_interval_s,
        "max_backoff_s": s.max_backoff_s,
    }
    for name, value in positive.items():
        if value <= 0:
            raise SetupError(f"setting {name} must be above 0, not {value}")
    if s.rate_limit_per_minute < 0:
        raise SetupError(
            f"setting rate_limit_per_minute must be 0 (off) or more, not {s.rate_limit_per_minute}"
        )
    if s.page_size > s.max_page_size:
        raise SetupError(f"page_size ({s.page_size}) is above max_page_size ({s.max_page_size})")
    if s.protect_reads and not s.api_token:
        raise SetupError(
            "protect_reads is on but no api token is set: set [api] token or FRONTLINE_API_TOKEN"
        )
    for name, colour in s.factions.items():
        if not _COLOUR.fullmatch(colour):
            raise SetupError(f"faction colour for {name!r} is {colour!r}; write #rrggbb")
    for feed in s.feeds:
        if not feed.lower().startswith(("http://", "https://")) and not Path(feed).exists():
            raise SetupError(f"feed {feed!r} is neither an http(s) URL nor an existing file")


def default_factions() -> dict[str, str]:
    """The faction colours shipped in ``frontline/data/factions.toml``."""
    try:
        data = tomllib.loads(FACTIONS_FILE.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SetupError(f"{FACTIONS_FILE}: cannot read the faction colours ({exc})") from exc
    return {str(k): str(v) for k, v in data.get("factions", {}).items()}


def load_settings(
    path: str | Path | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """Settings from ``path`` (else ``$FRONTLINE_CONFIG``, else none), then the environment."""
    env = os.environ if environ is None else environ
    chosen = path or env.get("FRONTLINE_CONFIG") or None
    values: dict[str, Any] = {"factions": default_factions()}
    if chosen:
        values.update(_from_file(Path(chosen)))
    values.update(_from_env(env))
    try:
        return Settings(**values)
    except TypeError as exc:
        raise SetupError(f"bad settings: {exc}") from exc


def with_overrides(settings: Settings, **changes: Any) -> Settings:
    """``settings`` with the non-None ``changes`` applied (CLI options), validated again."""
    return replace(settings, **{k: v for k, v in changes.items() if v is not None})


_FILE_KEYS: dict[tuple[str, str], str] = {
    ("store", "db"): "db",
    ("api", "token"): "api_token",
    ("api", "protect_reads"): "protect_reads",
    ("api", "cors_origins"): "cors_origins",
    ("api", "max_request_bytes"): "max_request_bytes",
    ("api", "rate_limit_per_minute"): "rate_limit_per_minute",
    ("api", "page_size"): "page_size",
    ("api", "max_page_size"): "max_page_size",
    ("api", "count_cap"): "count_cap",
    ("api", "fetch_hosts"): "fetch_hosts",
    ("api", "trusted_proxies"): "trusted_proxies",
    ("watch", "feeds"): "feeds",
    ("watch", "interval_s"): "feed_interval_s",
    ("watch", "max_backoff_s"): "max_backoff_s",
    ("map", "tile_url"): "tile_url",
    ("map", "center"): "map_center",
    ("map", "zoom"): "map_zoom",
    ("map", "date"): "map_date",
}
_TYPES: dict[str, type] = {
    "db": str,
    "api_token": str,
    "protect_reads": bool,
    "cors_origins": tuple,
    "max_request_bytes": int,
    "rate_limit_per_minute": int,
    "page_size": int,
    "max_page_size": int,
    "count_cap": int,
    "fetch_hosts": tuple,
    "trusted_proxies": tuple,
    "feeds": tuple,
    "feed_interval_s": float,
    "max_backoff_s": float,
    "tile_url": str,
    "map_center": tuple,
    "map_zoom": int,
    "map_date": date,
}


def _from_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SetupError(f"cannot read the configuration file {path}: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SetupError(f"{path}: not valid TOML ({exc}); fix the file") from exc
    values: dict[str, Any] = {}
    for section, table in data.items():
        if not isinstance(table, dict):
            raise SetupError(f"{path}: {section!r} must be a [section]")
        for key, raw in table.items():
            if section == "map" and key == "factions":
                values["factions"] = {**default_factions(), **_factions(path, raw)}
                continue
            name = _FILE_KEYS.get((section, key))
            if name is None:
                raise SetupError(f"{path}: unknown setting [{section}] {key}")
            values[name] = _typed(f"{path}: [{section}] {key}", name, raw)
    return values


def _factions(path: Path, raw: object) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise SetupError(f'{path}: [map.factions] must be a table of name = "#rrggbb"')
    return {str(k): str(v) for k, v in raw.items()}


def _typed(where: str, name: str, raw: object) -> Any:
    kind = _TYPES[name]
    if kind is tuple:
        if isinstance(raw, str):
            return tuple(p.strip() for p in raw.split(",") if p.strip())
        if isinstance(raw, list):
            return tuple(float(x) if name == "map_center" else str(x) for x in raw)
    elif (kind is bool) == isinstance(raw, bool) and isinstance(raw, kind):
        return raw
    elif kind is float and isinstance(raw, int | float) and not isinstance(raw, bool):
        return float(raw)
    elif kind is str and isinstance(raw, str):
        return raw or None
    elif kind is date and isinstance(raw, date | str):
        return raw if isinstance(raw, date) else _date(where, raw)
    raise SetupError(f"{where} = {raw!r}: expected {kind.__name__}")


def _date(where: str, raw: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise SetupError(f"{where} = {raw!r}: write a date as YYYY-MM-DD") from None


_ENV_KEYS: dict[str, str] = {
    "FRONTLINE_DB": "db",
    "FRONTLINE_API_TOKEN": "api_token",
    "FRONTLINE_PROTECT_READS": "protect_reads",
    "FRONTLINE_CORS_ORIGINS": "cors_origins",
    "FRONTLINE_MAX_REQUEST_BYTES": "max_request_bytes",
    "FRONTLINE_RATE_LIMIT": "rate_limit_per_minute",
    "FRONTLINE_FETCH_HOSTS": "fetch_hosts",
    "FRONTLINE_TRUSTED_PROXIES": "trusted_proxies",
    "FRONTLINE_FEEDS": "feeds",
    "FRONTLINE_FEED_INTERVAL": "feed_interval_s",
    "FRONTLINE_TILE_URL": "tile_url",
}


def _from_env(env: Mapping[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for var, name in _ENV_KEYS.items():
        raw = env.get(var)
        if raw is not None:
            values[name] = _env_value(var, name, raw.strip())
    return values


def _env_value(var: str, name: str, raw: str) -> Any:
    kind = _TYPES[name]
    if kind is bool:
        if raw.lower() in _TRUE | _FALSE:
            return raw.lower() in _TRUE
        raise SetupError(f"{var}={raw!r}: write true or false")
    if kind is int or kind is float:
        try:
            return kind(raw)
        except ValueError:
            raise SetupError(f"{var}={raw!r}: expected a number") from None
    return _typed(var, name, raw)
