"""PostgreSQL specifics, on a real server started by the test run (see conftest.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.engine import make_url

from barraiser.store import ReviewCard, ensure_local_user, make_engine, migrate
from barraiser.store.db import Store
from barraiser.store.queries import upsert_review_card

pytestmark = pytest.mark.postgres


def test_a_plain_postgres_url_uses_psycopg(postgres_url: str) -> None:
    given = make_url(postgres_url)
    plain = given.set(drivername="postgres").render_as_string(hide_password=False)
    engine = make_engine(plain)
    try:
        assert engine.dialect.driver == "psycopg"
        with engine.connect() as connection:
            assert connection.scalar(text("SELECT current_database()")) == given.database
    finally:
        engine.dispose()


def test_times_are_timestamptz_and_read_back_in_utc(postgres_url: str) -> None:
    engine = make_engine(postgres_url)
    try:
        migrate(engine)
        due = inspect(engine).get_columns("review_cards")
        assert next(c for c in due if c["name"] == "due")["type"].timezone is True
        store = Store.from_engine(engine)
        # Written in one zone, read from a session in another: the instant must not move.
        india = timezone(timedelta(hours=5, minutes=30))
        written = datetime(2025, 3, 1, 9, 30, tzinfo=india)
        with store.session() as session:
            session.execute(text("SET LOCAL TIME ZONE 'America/Los_Angeles'"))
            user_id = ensure_local_user(session).id
            upsert_review_card(session, user_id, "q", card={}, due=written)
        with store.session() as session:
            session.execute(text("SET LOCAL TIME ZONE 'Asia/Tokyo'"))
            card = session.scalars(select(ReviewCard)).one()
            assert card.due == written and card.due.tzinfo is UTC
            assert session.scalar(text("SELECT due AT TIME ZONE 'UTC' FROM review_cards")) == (
                datetime(2025, 3, 1, 4, 0)
            )
    finally:
        engine.dispose()
