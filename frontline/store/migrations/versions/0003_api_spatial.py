"""Spatial indexes for the API's bbox + date queries on fused events and claims.

SQLite: an R*Tree per table (``fused_events_rtree``, ``events_rtree``) over (day, latitude,
longitude), kept in step with its table by triggers, so writers need not know it exists.
Days count from 1970-01-01; latitude and longitude are stored times 1000 so that the three
axes have comparable extents (the tree then splits on all three, not on days alone). Rows
without a date or coordinates are left out of the tree.

PostgreSQL: a GiST index on ``point(longitude, latitude)`` per table (core operators only,
no extension), which the planner combines with the date index.

Revision ID: 0003_api_spatial
Revises: 0002_fuse
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003_api_spatial"
down_revision: str | None = "0002_fuse"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("fused_events", "events")
DAY_ZERO = 2440587.5  # julianday("1970-01-01"): day numbers count from the epoch
SCALE = 1000


def _values(row: str) -> str:
    day = f"julianday({row}.event_date) - {DAY_ZERO}"
    lat, lon = f"{row}.latitude * {SCALE}", f"{row}.longitude * {SCALE}"
    return f"{row}.rowid, {day}, {day}, {lat}, {lat}, {lon}, {lon}"


def _located(row: str) -> str:
    return (
        f"{row}.event_date IS NOT NULL AND {row}.latitude IS NOT NULL "
        f"AND {row}.longitude IS NOT NULL"
    )


def _sqlite_upgrade(table: str) -> None:
    tree = f"{table}_rtree"
    op.execute(
        f"CREATE VIRTUAL TABLE {tree} USING rtree(id, min_day, max_day, min_lat, max_lat, "
        "min_lon, max_lon)"
    )
    insert = f"INSERT INTO {tree} SELECT {_values('new')} WHERE {_located('new')};"
    remove = f"DELETE FROM {tree} WHERE id = old.rowid;"
    op.execute(f"CREATE TRIGGER {tree}_insert AFTER INSERT ON {table} BEGIN {insert} END")
    op.execute(f"CREATE TRIGGER {tree}_delete AFTER DELETE ON {table} BEGIN {remove} END")
    op.execute(
        f"CREATE TRIGGER {tree}_update AFTER UPDATE OF event_date, latitude, longitude "
        f"ON {table} BEGIN {remove} {insert} END"
    )
    op.execute(f"INSERT INTO {tree} SELECT {_values(table)} FROM {table} WHERE {_located(table)}")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in TABLES:
        if dialect == "sqlite":
            _sqlite_upgrade(table)
        elif dialect == "postgresql":
            op.execute(
                f"CREATE INDEX ix_{table}_point ON {table} USING gist (point(longitude, latitude))"
            )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in TABLES:
        if dialect == "sqlite":
            for action in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_rtree_{action}")
            op.execute(f"DROP TABLE IF EXISTS {table}_rtree")
        elif dialect == "postgresql":
            op.execute(f"DROP INDEX IF EXISTS ix_{table}_point")
