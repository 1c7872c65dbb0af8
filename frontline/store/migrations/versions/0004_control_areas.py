"""Area-level territory changes of the control timeline: table ``control_areas``.

A change reported for an area (a governorate, "villages near" a town, a city whose
neighbourhoods are known) is never spread to the places inside it; it is kept here, one row
per change (``taker`` took the area from ``loser`` on ``on``), next to ``control_periods``.

Revision ID: 0004_control_areas
Revises: 0003_api_spatial
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_control_areas"
down_revision: str | None = "0003_api_spatial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "control_areas",
        sa.Column("id", sa.Integer(), nullable=False, autoincrement=True),
        sa.Column("change_id", sa.String(64), nullable=False),
        sa.Column("place", sa.String(255), nullable=False),
        sa.Column("gazetteer_id", sa.String(64), nullable=True),
        sa.Column("within", sa.String(255), nullable=True),
        sa.Column("loser", sa.String(255), nullable=True),
        sa.Column("taker", sa.String(255), nullable=True),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_control_areas"),
    )
    op.create_index("ix_control_areas_place", "control_areas", ["place"])
    op.create_index("ix_control_areas_within", "control_areas", ["within"])
    op.create_index("ix_control_areas_on", "control_areas", ["on"])


def downgrade() -> None:
    op.drop_table("control_areas")
