"""The fuse stage's tables: copies, fused events and their members, control periods,
credibility.

Revision ID: 0002_fuse
Revises: 0001_initial
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_fuse"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    _create_copies()
    _create_fused_events()
    _create_fused_members()
    _create_control_periods()
    _create_credibility()


def downgrade() -> None:
    for table in ("credibility", "control_periods", "fused_members", "fused_events", "copies"):
        op.drop_table(table)


def _create_copies() -> None:
    op.create_table(
        "copies",
        sa.Column("doc_id", sa.String(255), nullable=False),
        sa.Column("original_doc_id", sa.String(255), nullable=True),
        sa.Column("similarity", sa.Float(), nullable=True),
        sa.Column("signature", sa.JSON(), nullable=False),
        sa.Column("paragraphs", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("doc_id", name="pk_copies"),
    )
    op.create_index("ix_copies_original_doc_id", "copies", ["original_doc_id"])


def _create_fused_events() -> None:
    op.create_table(
        "fused_events",
        sa.Column("fused_id", sa.String(64), nullable=False),
        sa.Column("event_type", sa.String(64), nullable=False),
        sa.Column("sub_event_type", sa.String(64), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=True),
        sa.Column("time_precision", sa.Integer(), nullable=False),
        sa.Column("actor1", sa.String(255), nullable=True),
        sa.Column("actor2", sa.String(255), nullable=True),
        sa.Column("location", sa.String(255), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("admin1", sa.String(255), nullable=True),
        sa.Column("geo_precision", sa.Integer(), nullable=True),
        sa.Column("gazetteer_id", sa.String(64), nullable=True),
        sa.Column("place", sa.JSON(), nullable=True),
        sa.Column("fatalities_low", sa.Integer(), nullable=True),
        sa.Column("fatalities_best", sa.Integer(), nullable=True),
        sa.Column("fatalities_high", sa.Integer(), nullable=True),
        sa.Column("territory_from", sa.String(255), nullable=True),
        sa.Column("territory_to", sa.String(255), nullable=True),
        sa.Column("territory_change", sa.Boolean(), nullable=False),
        sa.Column("documents", sa.JSON(), nullable=False),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("camps", sa.JSON(), nullable=False),
        sa.Column("independent_sources", sa.Integer(), nullable=False),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.Column("contradictions", sa.JSON(), nullable=False),
        sa.Column("certainty", sa.String(16), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("fused_id", name="pk_fused_events"),
    )
    for columns in (
        ["event_type"],
        ["event_date"],
        ["actor1"],
        ["actor2"],
        ["location"],
        ["independent_sources"],
        ["latitude", "longitude"],
        ["event_date", "latitude", "longitude"],
    ):
        op.create_index(f"ix_fused_events_{'_'.join(columns)}", "fused_events", columns)


def _create_fused_members() -> None:
    op.create_table(
        "fused_members",
        sa.Column("event_id", sa.String(255), nullable=False),
        sa.Column("fused_id", sa.String(64), nullable=False),
        sa.Column("doc_id", sa.String(255), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name="pk_fused_members"),
    )
    op.create_index("ix_fused_members_fused_id", "fused_members", ["fused_id"])
    op.create_index("ix_fused_members_doc_id", "fused_members", ["doc_id"])


def _create_control_periods() -> None:
    op.create_table(
        "control_periods",
        sa.Column("id", sa.Integer(), nullable=False, autoincrement=True),
        sa.Column("place", sa.String(255), nullable=False),
        sa.Column("gazetteer_id", sa.String(64), nullable=True),
        sa.Column("within", sa.String(255), nullable=True),
        sa.Column("faction", sa.String(255), nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_control_periods"),
    )
    op.create_index("ix_control_periods_place", "control_periods", ["place"])
    op.create_index("ix_control_periods_within", "control_periods", ["within"])


def _create_credibility() -> None:
    op.create_table(
        "credibility",
        sa.Column("doc_id", sa.String(255), nullable=False),
        sa.Column("source", sa.String(255), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("label", sa.String(16), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("doc_id", name="pk_credibility"),
    )
    op.create_index("ix_credibility_source", "credibility", ["source"])
