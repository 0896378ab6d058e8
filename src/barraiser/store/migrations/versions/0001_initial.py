"""Initial schema: users, sessions and rounds, answers and gradings, submissions, review cards.

Revision ID: 0001
Revises:
Create Date: 2025-11-27

Written by hand to match ``barraiser.store.models``; a test compares the two on SQLite and
PostgreSQL.  Revisions never import the models: they describe the schema as it was then.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _utc() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def _user_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["user_id"], ["users.id"], name=op.f(f"fk_{table}_user_id_users"), ondelete="CASCADE"
    )


def _round_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["session_round_id"],
        ["session_rounds.id"],
        name=op.f(f"fk_{table}_session_round_id_session_rounds"),
        ondelete="SET NULL",
    )


def upgrade() -> None:
    """Create every table."""
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("is_local", sa.Boolean(), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    op.create_index(
        "uq_users_local",
        "users",
        ["is_local"],
        unique=True,
        sqlite_where=sa.text("is_local"),
        postgresql_where=sa.text("is_local"),
    )

    op.create_table(
        "interview_sessions",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("loop_id", sa.String(length=100), nullable=False),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("started_at", _utc(), nullable=False),
        sa.Column("updated_at", _utc(), nullable=False),
        sa.Column("finished_at", _utc(), nullable=True),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("decision", sa.String(length=32), nullable=True),
        sa.Column("debrief", sa.JSON(), nullable=True),
        sa.CheckConstraint("mode IN ('loop', 'practice')", name=op.f("ck_interview_sessions_mode")),
        sa.CheckConstraint(
            "status IN ('active', 'finished', 'abandoned')",
            name=op.f("ck_interview_sessions_status"),
        ),
        _user_fk("interview_sessions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interview_sessions")),
    )
    op.create_index(
        op.f("ix_interview_sessions_user_id"), "interview_sessions", ["user_id"], unique=False
    )

    op.create_table(
        "session_rounds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.String(length=32), nullable=False),
        sa.Column("round_id", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("started_at", _utc(), nullable=True),
        sa.Column("finished_at", _utc(), nullable=True),
        sa.Column("time_used_s", sa.Float(), nullable=False),
        sa.Column("question_ids", sa.JSON(), nullable=False),
        sa.Column("scorecard", sa.JSON(), nullable=True),
        sa.CheckConstraint(
            "status IN ('pending', 'active', 'finished')",
            name=op.f("ck_session_rounds_status"),
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["interview_sessions.id"],
            name=op.f("fk_session_rounds_session_id_interview_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_rounds")),
        sa.UniqueConstraint(
            "session_id", "position", name=op.f("uq_session_rounds_session_id_position")
        ),
    )

    op.create_table(
        "answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(length=200), nullable=False),
        sa.Column("session_round_id", sa.Integer(), nullable=True),
        sa.Column("parent_answer_id", sa.Integer(), nullable=True),
        sa.Column("prompt_text", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_answer_id"],
            ["answers.id"],
            name=op.f("fk_answers_parent_answer_id_answers"),
            ondelete="CASCADE",
        ),
        _round_fk("answers"),
        _user_fk("answers"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answers")),
    )
    op.create_index(
        op.f("ix_answers_parent_answer_id"), "answers", ["parent_answer_id"], unique=False
    )
    op.create_index(
        op.f("ix_answers_session_round_id"), "answers", ["session_round_id"], unique=False
    )
    op.create_index(
        "ix_answers_user_id_question_id", "answers", ["user_id", "question_id"], unique=False
    )

    op.create_table(
        "grading_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("answer_id", sa.Integer(), nullable=False),
        sa.Column("grader_version", sa.String(length=64), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.ForeignKeyConstraint(
            ["answer_id"],
            ["answers.id"],
            name=op.f("fk_grading_results_answer_id_answers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grading_results")),
    )
    op.create_index(
        op.f("ix_grading_results_answer_id"), "grading_results", ["answer_id"], unique=False
    )

    op.create_table(
        "code_submissions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("problem_id", sa.String(length=200), nullable=False),
        sa.Column("session_round_id", sa.Integer(), nullable=True),
        sa.Column("language", sa.String(length=32), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("stdin", sa.Text(), nullable=True),
        sa.Column("verdict", sa.String(length=16), nullable=True),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("judged_at", _utc(), nullable=True),
        sa.CheckConstraint(
            "mode IN ('run', 'submit', 'custom')", name=op.f("ck_code_submissions_mode")
        ),
        _round_fk("code_submissions"),
        _user_fk("code_submissions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_code_submissions")),
    )
    op.create_index(
        op.f("ix_code_submissions_session_round_id"),
        "code_submissions",
        ["session_round_id"],
        unique=False,
    )
    op.create_index(
        "ix_code_submissions_user_id_problem_id",
        "code_submissions",
        ["user_id", "problem_id"],
        unique=False,
    )

    op.create_table(
        "review_cards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.String(length=200), nullable=False),
        sa.Column("card", sa.JSON(), nullable=False),
        sa.Column("due", _utc(), nullable=False),
        sa.Column("last_review", _utc(), nullable=True),
        sa.Column("reps", sa.Integer(), nullable=False),
        _user_fk("review_cards"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_cards")),
        sa.UniqueConstraint(
            "user_id", "question_id", name=op.f("uq_review_cards_user_id_question_id")
        ),
    )
    op.create_index(op.f("ix_review_cards_due"), "review_cards", ["due"], unique=False)


def downgrade() -> None:
    """Drop every table, children first."""
    for table in (
        "review_cards",
        "code_submissions",
        "grading_results",
        "answers",
        "session_rounds",
        "interview_sessions",
        "users",
    ):
        op.drop_table(table)
