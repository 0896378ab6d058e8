"""Each user's latest résumé analysis in the database, not the data folder: every web process
shares it.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04

Written by hand to match ``barraiser.store.models``; revisions never import the models.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the resume_records table (the legacy files are imported when first read)."""
    op.create_table(
        "resume_records",
        sa.Column("user_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_resume_records_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_resume_records")),
    )


def downgrade() -> None:
    """Drop the resume_records table (the records are lost; legacy files stay as they were)."""
    op.drop_table("resume_records")
