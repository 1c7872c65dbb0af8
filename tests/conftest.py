"""Shared database fixtures: the same tests run on SQLite and, when asked, PostgreSQL.

``db_url`` is parametrized: ``sqlite`` (a fresh file per test) and ``postgres`` (a fresh
schema per test in the server named by FRONTLINE_TEST_PG, dropped afterwards). Start one with
``FRONTLINE_TEST_PG=$(scripts/pg-test-server.sh) .venv/bin/pytest tests/store``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from frontline.store import Store
from frontline.store.url import normalize_url

PG_ENV = "FRONTLINE_TEST_PG"
NO_PG = (
    f"{PG_ENV} is not set: run `export {PG_ENV}=$(scripts/pg-test-server.sh)` "
    "to include the PostgreSQL cases"
)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty database of each kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'frontline.db'}"
        return
    yield from _pg_schema_url()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """An opened (migrated) store on ``db_url``, closed after the test."""
    with Store.open(db_url) as opened:
        yield opened


def _pg_schema_url() -> Iterator[str]:
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(NO_PG)
    url = make_url(normalize_url(base))
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        scoped = url.update_query_dict({"options": f"-csearch_path={schema}"})
        yield scoped.render_as_string(hide_password=False)
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        admin.dispose()
