"""The store: SQLAlchemy models, migrations and queries over SQLite or PostgreSQL."""

from barraiser.store.db import (
    Store,
    StoreError,
    downgrade,
    ensure_local_user,
    init_store,
    make_engine,
    migrate,
)
from barraiser.store.models import (
    Answer,
    Base,
    CodeSubmission,
    GradingResult,
    InterviewSession,
    ReviewCard,
    SessionRound,
    User,
    utcnow,
)

__all__ = [
    "Answer",
    "Base",
    "CodeSubmission",
    "GradingResult",
    "InterviewSession",
    "ReviewCard",
    "SessionRound",
    "Store",
    "StoreError",
    "User",
    "downgrade",
    "ensure_local_user",
    "init_store",
    "make_engine",
    "migrate",
    "utcnow",
]
