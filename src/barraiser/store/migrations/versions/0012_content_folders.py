"""The content folders an admin switched on or off (hosted mode).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05

Written by hand to match ``barraiser.store.models``; revisions never import the models.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the content_folders table (no folder is enabled until an admin enables one)."""
    op.create_table(
        "content_folders",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("changed_by", sa.Integer(), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["changed_by"],
            ["users.id"],
            name=op.f("fk_content_folders_changed_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_content_folders")),
    )


def downgrade() -> None:
    """Drop the content_folders table (every folder counts as disabled again)."""
    op.drop_table("content_folders")
