"""Experiences journal: recorded interviews, their rounds and the questions asked.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04

Written by hand to match ``barraiser.store.models``; revisions never import the models.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _utc() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def _experience_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["experience_id"],
        ["experiences.id"],
        name=op.f(f"fk_{table}_experience_id_experiences"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    """Create the journal's three tables."""
    op.create_table(
        "experiences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("company", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("interview_date", sa.Date(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("shared", sa.Boolean(), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("updated_at", _utc(), nullable=False),
        sa.CheckConstraint(
            "outcome IN ('offer', 'rejected', 'pending', 'withdrew', 'no-reply')",
            name=op.f("ck_experiences_outcome"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_experiences_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_experiences")),
    )
    op.create_index(op.f("ix_experiences_user_id"), "experiences", ["user_id"], unique=False)

    op.create_table(
        "experience_rounds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("experience_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        _experience_fk("experience_rounds"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_experience_rounds")),
        sa.UniqueConstraint(
            "experience_id",
            "position",
            name=op.f("uq_experience_rounds_experience_id_position"),
        ),
    )

    op.create_table(
        "experience_questions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("experience_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("round_position", sa.Integer(), nullable=True),
        sa.Column("practice_question_id", sa.String(length=100), nullable=True),
        sa.CheckConstraint(
            "kind IN ('coding', 'ml', 'system-design', 'behavioural', 'other')",
            name=op.f("ck_experience_questions_kind"),
        ),
        _experience_fk("experience_questions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_experience_questions")),
    )
    op.create_index(
        op.f("ix_experience_questions_experience_id"),
        "experience_questions",
        ["experience_id"],
        unique=False,
    )


def downgrade() -> None:
    """Drop the journal's tables, children first."""
    for table in ("experience_questions", "experience_rounds", "experiences"):
        op.drop_table(table)
