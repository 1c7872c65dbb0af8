"""An API over a real store: the example article, a slice of FA-KES and a hostile article.

The store is filled once per database kind (SQLite always; PostgreSQL when
FRONTLINE_TEST_PG names a server) by the real pipeline, then fused.
"""

from __future__ import annotations

import csv
import os
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from frontline.api import create_app
from frontline.config import Settings
from frontline.store.url import normalize_url

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TOKEN = "test-token-0123"
HOSTILE_ID = "hostile-script"
HOSTILE = (
    "Army takes <script>alert(1)</script> district\n"
    "Syrian government forces captured the Hanano district of Aleppo on Sunday "
    "<script>alert(1)</script> after heavy fighting, the army said.\n"
)
FAKES_ROWS = 15


def _fakes_slice(target: Path) -> Path:
    with (SAMPLES / "fakes_dev.csv").open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = [row for _, row in zip(range(FAKES_ROWS), reader, strict=False)]
        fields = list(reader.fieldnames or [])
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return target


def fill(url: str, work: Path) -> None:
    from frontline.fuse.update import fuse_store
    from frontline.ingest import ReadOptions
    from frontline.pipeline import ingest_paths
    from frontline.store import Store

    hostile = work / f"{HOSTILE_ID}.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    day = ReadOptions(published=date(2016, 11, 28))
    with Store.open(url) as store:
        ingest_paths([SAMPLES / "aleppo_2016-11-28_trt.txt"], store, day)
        ingest_paths([hostile], store, ReadOptions(published=date(2016, 11, 28), source="sana"))
        ingest_paths([_fakes_slice(work / "fakes_slice.csv")], store)
        fuse_store(store)


def _pg_url() -> Iterator[str]:
    base = os.environ.get("FRONTLINE_TEST_PG")
    if not base:
        pytest.skip("FRONTLINE_TEST_PG is not set: the PostgreSQL cases are skipped")
    url = make_url(normalize_url(base))
    schema = f"api_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
            hide_password=False
        )
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        admin.dispose()


@pytest.fixture(
    scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def api_db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A filled, fused store of each kind (session-wide: tests only read it)."""
    work = tmp_path_factory.mktemp(f"api-{request.param}")
    if request.param == "sqlite":
        url = f"sqlite:///{work / 'api.db'}"
        fill(url, work)
        yield url
        return
    for url in _pg_url():
        fill(url, work)
        yield url


def make_client(db: str, **settings: Any) -> TestClient:
    values: dict[str, Any] = {"db": db, "api_token": TOKEN, "rate_limit_per_minute": 0}
    values.update(settings)
    return TestClient(create_app(Settings(**values)))


@pytest.fixture(scope="session")
def client(api_db: str) -> Iterator[TestClient]:
    with make_client(api_db) as opened:
        yield opened


@pytest.fixture(scope="session")
def client_for() -> Any:
    """Builds a client over a database with settings changed (``client_for(db, **settings)``)."""
    return make_client
