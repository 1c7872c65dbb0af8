"""The initial schema: documents, events, diagnostics.

Revision ID: 0001_initial
Revises:
Create Date: 2024-06-01
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0001_initial"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    _create_documents()
    _create_events()
    _create_diagnostics()


def downgrade() -> None:
    op.drop_table("diagnostics")
    op.drop_table("events")
    op.drop_table("documents")


def _create_documents() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False, autoincrement=True),
        sa.Column("doc_id", sa.String(255), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("published_from", sa.String(32), nullable=False),
        sa.Column("source", sa.String(255), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("meta", sa.JSON(), nullable=False),
        sa.Column("ignored", sa.JSON(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.UniqueConstraint("content_hash", name="uq_documents_content_hash"),
    )
    op.create_index("ix_documents_doc_id", "documents", ["doc_id"])


_EVENT_COLUMNS: tuple[tuple[str, sa.types.TypeEngine[Any], bool], ...] = (
    ("doc_id", sa.String(255), False),
    ("source", sa.String(255), True),
    ("event_date", sa.Date(), True),
    ("time_precision", sa.Integer(), False),
    ("event_type", sa.String(64), False),
    ("sub_event_type", sa.String(64), False),
    ("actor1", sa.String(255), True),
    ("actor2", sa.String(255), True),
    ("location_text", sa.Text(), True),
    ("location", sa.String(255), True),
    ("geo_status", sa.String(16), True),
    ("latitude", sa.Float(), True),
    ("longitude", sa.Float(), True),
    ("admin1", sa.String(255), True),
    ("admin2", sa.String(255), True),
    ("geo_precision", sa.Integer(), True),
    ("gazetteer_id", sa.String(64), True),
    ("feature", sa.String(32), True),
    ("geo_score", sa.Float(), True),
    ("location_start", sa.Integer(), True),
    ("location_end", sa.Integer(), True),
    ("location_span_text", sa.Text(), True),
    ("fatalities", sa.Integer(), True),
    ("quantities", sa.JSON(), False),
    ("attributed_to", sa.String(255), True),
    ("evidence_start", sa.Integer(), False),
    ("evidence_end", sa.Integer(), False),
    ("evidence_text", sa.Text(), False),
    ("territory_change", sa.Boolean(), False),
    ("territory_from", sa.String(255), True),
    ("territory_to", sa.String(255), True),
    ("certainty", sa.String(16), False),
    ("trigger", sa.Text(), True),
    ("extractor", sa.String(128), False),
    ("gazetteer", sa.String(128), True),
    ("provenance_start", sa.Integer(), True),
    ("provenance_end", sa.Integer(), True),
    ("provenance_text", sa.Text(), True),
)


def _create_events() -> None:
    op.create_table(
        "events",
        sa.Column("event_id", sa.String(255), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        *(sa.Column(name, kind, nullable=nullable) for name, kind, nullable in _EVENT_COLUMNS),
        sa.PrimaryKeyConstraint("event_id", name="pk_events"),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_events_document_id_documents",
            ondelete="CASCADE",
        ),
    )
    for columns in (
        ["document_id"],
        ["event_date"],
        ["event_type"],
        ["actor1"],
        ["actor2"],
        ["location"],
        ["latitude", "longitude"],
    ):
        op.create_index(f"ix_events_{'_'.join(columns)}", "events", columns)


def _create_diagnostics() -> None:
    op.create_table(
        "diagnostics",
        sa.Column("id", sa.Integer(), nullable=False, autoincrement=True),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_diagnostics"),
    )
    op.create_index("ix_diagnostics_origin", "diagnostics", ["origin"])
