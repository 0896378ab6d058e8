"""What a grade worker needs to grade an answer of an interview round (hosted mode): the text
it grades when that is not the answer's own (a follow-up is graded with its first answer), and
whether the grading updates a review card (a round's answers do not).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04

Written by hand to match ``barraiser.store.models``; revisions never import the models.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the answers' round-grading columns."""
    with op.batch_alter_table("answers") as batch:
        batch.add_column(sa.Column("graded_text", sa.Text(), nullable=True))
        batch.add_column(sa.Column("records_review", sa.Boolean(), nullable=True))


def downgrade() -> None:
    """Drop the answers' round-grading columns."""
    with op.batch_alter_table("answers") as batch:
        batch.drop_column("records_review")
        batch.drop_column("graded_text")
