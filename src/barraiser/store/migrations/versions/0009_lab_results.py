"""Lab results in the database (hosted mode): a lab worker on another machine and every web
process share them.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04

Written by hand to match ``barraiser.store.models``; revisions never import the models.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the lab_results and lab_result_files tables."""
    op.create_table(
        "lab_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lab_id", sa.String(length=200), nullable=False),
        sa.Column("size", sa.String(length=16), nullable=False),
        sa.Column("cache_key", sa.String(length=64), nullable=False),
        sa.Column("result_json", sa.Text(), nullable=False),
        sa.Column("ran_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lab_results")),
        sa.UniqueConstraint(
            "lab_id", "size", "cache_key", name=op.f("uq_lab_results_lab_id_size_cache_key")
        ),
    )
    op.create_table(
        "lab_result_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("result_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["result_id"],
            ["lab_results.id"],
            name=op.f("fk_lab_result_files_result_id_lab_results"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lab_result_files")),
        sa.UniqueConstraint("result_id", "name", name=op.f("uq_lab_result_files_result_id_name")),
    )


def downgrade() -> None:
    """Drop the lab result tables."""
    op.drop_table("lab_result_files")
    op.drop_table("lab_results")
