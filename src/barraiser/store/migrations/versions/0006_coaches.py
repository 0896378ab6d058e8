"""A candidate's coach (hosted mode): who may read the candidate's sessions and debriefs.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04

Written by hand to match ``barraiser.store.models``; revisions never import the models.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add users.coach_id."""
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("coach_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_users_coach_id_users"), "users", ["coach_id"], ["id"], ondelete="SET NULL"
        )


def downgrade() -> None:
    """Drop users.coach_id."""
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint(op.f("fk_users_coach_id_users"), type_="foreignkey")
        batch.drop_column("coach_id")
