"""Grade and lab workers: answers queued for grading with a claim, and lab runs in the database.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04

Written by hand to match ``barraiser.store.models``; revisions never import the models.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _utc() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    """Add the answers' grade-queue columns and the lab_runs table."""
    with op.batch_alter_table("answers") as batch:
        batch.add_column(sa.Column("reference_text", sa.Text(), nullable=True))
        batch.add_column(sa.Column("grading_state", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("claimed_by", sa.Text(), nullable=True))
        batch.add_column(sa.Column("lease_until", _utc(), nullable=True))
    op.create_table(
        "lab_runs",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("lab_id", sa.String(length=200), nullable=False),
        sa.Column("size", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("fraction", sa.Float(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("queued_at", _utc(), nullable=False),
        sa.Column("started_at", _utc(), nullable=True),
        sa.Column("finished_at", _utc(), nullable=True),
        sa.Column("claimed_by", sa.Text(), nullable=True),
        sa.Column("lease_until", _utc(), nullable=True),
        sa.CheckConstraint(
            "status IN ('queued', 'running', 'done', 'failed')", name=op.f("ck_lab_runs_status")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lab_runs")),
    )
    op.create_index("ix_lab_runs_lab_id_size", "lab_runs", ["lab_id", "size"], unique=False)


def downgrade() -> None:
    """Drop the lab_runs table and the answers' grade-queue columns."""
    op.drop_index("ix_lab_runs_lab_id_size", table_name="lab_runs")
    op.drop_table("lab_runs")
    with op.batch_alter_table("answers") as batch:
        batch.drop_column("lease_until")
        batch.drop_column("claimed_by")
        batch.drop_column("grading_state")
        batch.drop_column("reference_text")
