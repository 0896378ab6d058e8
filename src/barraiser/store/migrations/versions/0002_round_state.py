"""Round state: the engine's per-round clock and item progress, as JSON.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

Written by hand to match ``barraiser.store.models``; rows of 0001 get an empty state.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Added nullable, filled, then made NOT NULL: no server default to compare on PostgreSQL's
    # json type (which has no equality operator).
    with op.batch_alter_table("session_rounds") as batch:
        batch.add_column(sa.Column("state", sa.JSON(), nullable=True))
    op.execute("UPDATE session_rounds SET state = '{}'")
    with op.batch_alter_table("session_rounds") as batch:
        batch.alter_column("state", existing_type=sa.JSON(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("session_rounds") as batch:
        batch.drop_column("state")
