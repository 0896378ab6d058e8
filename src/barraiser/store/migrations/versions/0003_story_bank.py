"""Story bank: the candidate's STAR stories, with the cached result of their analysis.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

Written by hand to match ``barraiser.store.models.Story``. A story is saved with ``analysis``
empty; the analysis is filled in afterwards and cleared whenever the story is edited.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the ``stories`` table."""
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("situation", sa.Text(), nullable=False),
        sa.Column("task", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("reflection", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("analysis", sa.JSON(), nullable=True),
        sa.Column("analysis_version", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_stories_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stories")),
    )
    op.create_index(op.f("ix_stories_user_id"), "stories", ["user_id"], unique=False)


def downgrade() -> None:
    """Drop the ``stories`` table (and with it every story: export them first)."""
    op.drop_index(op.f("ix_stories_user_id"), table_name="stories")
    op.drop_table("stories")
