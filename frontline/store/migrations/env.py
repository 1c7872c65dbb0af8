"""Alembic environment: runs on the connection that :func:`frontline.store.migrate` passes in.

Run by hand (``alembic -x url=sqlite:///frontline.db upgrade head`` with ``script_location``
pointing here) it opens its own connection from ``sqlalchemy.url`` or ``-x url=``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from frontline.store.schema import Base

target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _run_online() -> None:
    given = context.config.attributes.get("connection")
    if isinstance(given, Connection):
        _run(given)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or context.config.get_main_option(
        "sqlalchemy.url"
    )
    if not url:
        raise RuntimeError("no database: pass -x url=... or set sqlalchemy.url")
    engine = create_engine(url)
    with engine.begin() as connection:
        _run(connection)
    engine.dispose()


if context.is_offline_mode():
    raise RuntimeError("frontline's migrations run online only (against a connection)")
_run_online()
