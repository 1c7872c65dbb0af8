"""Which database to use: a CLI flag, else ``FRONTLINE_DB``, else ``sqlite:///frontline.db``.

A bare path (``x.db``, ``/data/x.db``) means a SQLite file; ``postgresql://`` and
``postgres://`` URLs are mapped to the psycopg 3 driver (``postgresql+psycopg://``).
"""

from __future__ import annotations

import os

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from frontline.errors import SetupError

DEFAULT_URL = "sqlite:///frontline.db"
ENV_VAR = "FRONTLINE_DB"

_PG_PREFIXES = ("postgresql://", "postgres://")
_PG_DRIVER = "postgresql+psycopg://"


def resolve_url(cli_value: str | None) -> str:
    """The database URL to open: ``cli_value`` > ``$FRONTLINE_DB`` > the default SQLite file."""
    for candidate in (cli_value, os.environ.get(ENV_VAR)):
        if candidate and candidate.strip():
            return normalize_url(candidate.strip())
    return DEFAULT_URL


def normalize_url(value: str) -> str:
    """A SQLAlchemy URL for ``value``: bare paths become SQLite, PostgreSQL gets psycopg 3."""
    if "://" not in value:
        return f"sqlite:///{value}"
    lowered = value.lower()
    for prefix in _PG_PREFIXES:
        if lowered.startswith(prefix):
            return _PG_DRIVER + value[len(prefix) :]
    try:
        make_url(value)
    except ArgumentError as exc:
        raise SetupError(
            f"cannot read database URL {value!r}: {exc} — use sqlite:///path.db or "
            "postgresql://user@host:port/dbname (set --db or FRONTLINE_DB)"
        ) from exc
    return value


def display_url(url: str) -> str:
    """``url`` as safe to show in a message: the password hidden, the driver name dropped."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url
    shown = parsed.set(drivername=parsed.get_backend_name())
    return shown.render_as_string(hide_password=True)
