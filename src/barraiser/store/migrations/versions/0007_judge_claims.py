"""Judge workers claim a submission before judging it: who holds it and until when.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04

Written by hand to match ``barraiser.store.models``; revisions never import the models.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add code_submissions.claimed_by and code_submissions.lease_until."""
    with op.batch_alter_table("code_submissions") as batch:
        batch.add_column(sa.Column("claimed_by", sa.Text(), nullable=True))
        batch.add_column(sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    """Drop code_submissions.claimed_by and code_submissions.lease_until."""
    with op.batch_alter_table("code_submissions") as batch:
        batch.drop_column("lease_until")
        batch.drop_column("claimed_by")
