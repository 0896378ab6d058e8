"""Hosted mode's accounts: login name, password hash, role and disabled flag on users; browser
sessions and API tokens (hashed); failed-login counters for the rate limit; members' reports of
shared journal entries.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04

Written by hand to match ``barraiser.store.models``; revisions never import the models.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _utc() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    """Add the account columns and the three tables."""
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("username", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("password_hash", sa.String(length=255), nullable=True))
        batch.add_column(
            sa.Column("role", sa.String(length=16), nullable=False, server_default="candidate")
        )
        batch.add_column(
            sa.Column("disabled", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.create_unique_constraint(op.f("uq_users_username"), ["username"])
        batch.create_check_constraint(
            op.f("ck_users_role"), "role IN ('candidate', 'coach', 'admin')"
        )
    with op.batch_alter_table("users") as batch:
        batch.alter_column("role", server_default=None)
        batch.alter_column("disabled", server_default=None)
    op.create_table(
        "auth_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("expires_at", _utc(), nullable=True),
        sa.CheckConstraint("kind IN ('session', 'api')", name=op.f("ck_auth_tokens_kind")),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_auth_tokens_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_auth_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_auth_tokens_token_hash")),
    )
    op.create_index(op.f("ix_auth_tokens_user_id"), "auth_tokens", ["user_id"], unique=False)
    op.create_table(
        "login_failures",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("window_start", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_login_failures")),
    )
    op.create_table(
        "experience_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("experience_id", sa.Integer(), nullable=False),
        sa.Column("reporter_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.ForeignKeyConstraint(
            ["experience_id"],
            ["experiences.id"],
            name=op.f("fk_experience_reports_experience_id_experiences"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reporter_id"],
            ["users.id"],
            name=op.f("fk_experience_reports_reporter_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_experience_reports")),
        sa.UniqueConstraint(
            "experience_id",
            "reporter_id",
            name=op.f("uq_experience_reports_experience_id_reporter_id"),
        ),
    )
    op.create_index(
        op.f("ix_experience_reports_experience_id"),
        "experience_reports",
        ["experience_id"],
        unique=False,
    )


def downgrade() -> None:
    """Drop the three tables and the account columns."""
    op.drop_index(op.f("ix_experience_reports_experience_id"), table_name="experience_reports")
    op.drop_table("experience_reports")
    op.drop_table("login_failures")
    op.drop_index(op.f("ix_auth_tokens_user_id"), table_name="auth_tokens")
    op.drop_table("auth_tokens")
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint(op.f("ck_users_role"), type_="check")
        batch.drop_constraint(op.f("uq_users_username"), type_="unique")
        batch.drop_column("disabled")
        batch.drop_column("role")
        batch.drop_column("password_hash")
        batch.drop_column("username")
