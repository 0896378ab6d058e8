"""The store on real databases: every test runs on SQLite and on PostgreSQL (``db_url``)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fsrs import Rating
from sqlalchemy import (
    CheckConstraint,
    Column,
    Engine,
    Integer,
    MetaData,
    delete,
    event,
    func,
    insert,
    inspect,
    select,
)
from sqlalchemy.exc import IntegrityError

from barraiser.interview.review import record_review
from barraiser.store import (
    Answer,
    Base,
    CodeSubmission,
    GradingResult,
    InterviewSession,
    ReviewCard,
    SessionRound,
    Store,
    User,
    downgrade,
    ensure_local_user,
    make_engine,
    migrate,
    utcnow,
)
from barraiser.store.db import current_revision, head_revision
from barraiser.store.queries import (
    answers_for_question,
    create_submission,
    due_cards,
    record_verdict,
    save_answer,
    save_grading,
    upsert_review_card,
)

TABLES = {
    "users",
    "interview_sessions",
    "session_rounds",
    "answers",
    "grading_results",
    "code_submissions",
    "lab_runs",
    "lab_results",
    "lab_result_files",
    "resume_records",
    "content_folders",
    "review_cards",
    "stories",
    "experiences",
    "experience_rounds",
    "experience_questions",
    "auth_tokens",
    "login_failures",
    "experience_reports",
}


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """An engine on the empty test database, disposed afterwards."""
    made = make_engine(db_url)
    yield made
    made.dispose()


def schema_differences(engine: Engine, metadata: MetaData = Base.metadata) -> list[Any]:
    """What alembic autogenerate would change to make the database match ``metadata``."""
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "compare_server_default": True}
        )
        return list(compare_metadata(context, metadata))


def check_constraint_names(engine: Engine) -> dict[str, set[str]]:
    """The CHECK constraints of each table, which autogenerate does not compare."""
    inspector = inspect(engine)
    return {
        table: {check["name"] or "" for check in inspector.get_check_constraints(table)}
        for table in TABLES
    }


def test_migrations_create_every_table(engine: Engine) -> None:
    assert current_revision(engine) is None
    migrate(engine)
    assert set(inspect(engine).get_table_names()) == TABLES | {"alembic_version"}
    assert current_revision(engine) == head_revision() == "0012"


def test_models_and_migrations_agree(engine: Engine) -> None:
    migrate(engine)
    assert schema_differences(engine) == []
    expected = {
        table.name: {
            str(constraint.name)
            for constraint in table.constraints
            if isinstance(constraint, CheckConstraint)
        }
        for table in Base.metadata.sorted_tables
    }
    assert check_constraint_names(engine) == expected


def test_the_comparison_sees_a_difference(engine: Engine) -> None:
    """Guards the test above against comparing nothing with nothing."""
    migrate(engine)
    changed = MetaData()
    for table in Base.metadata.sorted_tables:
        table.to_metadata(changed)
    changed.tables["users"].append_column(Column("extra", Integer))
    differences = schema_differences(engine, changed)
    assert [difference[0] for difference in differences] == ["add_column"]


def test_migrating_twice_changes_nothing(engine: Engine) -> None:
    migrate(engine)
    with engine.begin() as connection:
        connection.execute(insert(User).values(name="Ada", is_local=False))
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    migrate(engine)
    assert statements, "the listener saw nothing: the check below would prove nothing"
    changes = {"CREATE", "ALTER", "DROP", "INSERT", "UPDATE", "DELETE"}
    assert [sql for sql in statements if sql.split()[0].upper() in changes] == []
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(User)) == 1


def test_downgrade_to_base_then_upgrade_to_head(engine: Engine) -> None:
    migrate(engine)
    downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    assert current_revision(engine) is None
    migrate(engine)
    assert current_revision(engine) == head_revision()
    assert schema_differences(engine) == []


# Each child opens the store as `barraiser serve` does, all starting at the same moment.
_OPEN_STORE = """
import sys, time
from barraiser.config import Settings
from barraiser.store import init_store
time.sleep(max(0.0, float(sys.argv[3]) - time.time()))
init_store(Settings(database_url=sys.argv[1], data_dir=sys.argv[2])).close()
"""


def test_processes_starting_together_migrate_once(
    engine: Engine, db_url: str, tmp_path: Path
) -> None:
    start_at = str(time.time() + 2.0)
    children = [
        subprocess.Popen(
            [sys.executable, "-c", _OPEN_STORE, db_url, str(tmp_path / "data"), start_at],
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(6)
    ]
    errors = [child.communicate(timeout=120)[1] for child in children]
    assert [child.returncode for child in children] == [0] * 6, errors
    assert current_revision(engine) == head_revision()
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(User)) == 1


def test_local_user_is_created_once(store: Store) -> None:
    with store.session() as session:
        first = ensure_local_user(session)
        again = ensure_local_user(session, name="Someone else")
        assert (first.id, first.name, first.is_local) == (again.id, "You", True)
        assert first.created_at.tzinfo is not None
    with store.session() as session:
        session.add(User(name="Second", is_local=True))
        with pytest.raises(IntegrityError):
            session.flush()


def test_session_with_rounds_round_trip(store: Store) -> None:
    started = utcnow()
    with store.session() as session:
        user = ensure_local_user(session)
        interview = InterviewSession(
            user_id=user.id,
            loop_id="amazon-mle",
            mode="loop",
            state={"chosen": {"coding-1": ["two-sum", "lru-cache"]}, "seed": 7},
            started_at=started,
        )
        interview.rounds = [
            SessionRound(round_id="oa", position=1, question_ids=["two-sum", "lru-cache"]),
            SessionRound(round_id="recruiter", position=0, status="active", started_at=started),
        ]
        session.add(interview)
        session.flush()
        session_id = interview.id
    assert len(session_id) == 32
    with store.session() as session:
        loaded = session.get(InterviewSession, session_id)
        assert loaded is not None
        assert loaded.state == {"chosen": {"coding-1": ["two-sum", "lru-cache"]}, "seed": 7}
        assert loaded.status == "active" and loaded.finished_at is None
        assert loaded.decision is None and loaded.debrief is None
        assert loaded.started_at == started and loaded.started_at.tzinfo is not None
        assert [r.round_id for r in loaded.rounds] == ["recruiter", "oa"]
        assert loaded.rounds[1].question_ids == ["two-sum", "lru-cache"]
        assert loaded.rounds[1].time_used_s == 0.0 and loaded.rounds[1].scorecard is None
        loaded.status, loaded.finished_at = "finished", utcnow()
        loaded.decision, loaded.debrief = "inclined", {"veto": False}
        loaded.rounds[0].scorecard = {"ownership": "strong hire"}
    with store.session() as session:
        loaded = session.get(InterviewSession, session_id)
        assert loaded is not None and loaded.debrief == {"veto": False}
        assert loaded.updated_at >= loaded.started_at
        assert loaded.rounds[0].scorecard == {"ownership": "strong hire"}
        duplicate = SessionRound(session_id=session_id, round_id="x", position=1)
        session.add(duplicate)
        with pytest.raises(IntegrityError):
            session.flush()


def test_answer_follow_up_and_grading_round_trip(store: Store) -> None:
    with store.session() as session:
        user_id = ensure_local_user(session).id
        answer = save_answer(session, user_id, "concept/precision-recall", "Recall is TP/(TP+FN).")
        follow_up = save_answer(
            session,
            user_id,
            "concept/precision-recall",
            "Raise recall for fraud.",
            parent_answer_id=answer.id,
            prompt_text="Which matters more for fraud?",
        )
        save_grading(session, answer.id, "rubric-1", 72.5, {"key_points": [{"covered": True}]})
        save_grading(session, answer.id, "rubric-2", 80.0, {"key_points": []})
        save_answer(session, user_id, "concept/other", "Unrelated.")
        ids = (answer.id, follow_up.id)
    with store.session() as session:
        answers = answers_for_question(session, user_id, "concept/precision-recall")
        assert [a.id for a in answers] == list(ids)
        first, second = answers
        assert [g.grader_version for g in first.gradings] == ["rubric-1", "rubric-2"]
        assert first.gradings[0].result == {"key_points": [{"covered": True}]}
        assert first.gradings[0].score == 72.5
        assert second.parent is first and second.prompt_text == "Which matters more for fraud?"
        assert first.follow_ups == [second] and first.parent_answer_id is None
        session.execute(delete(Answer).where(Answer.id == ids[0]))
    with store.session() as session:
        # The database cascades: deleting an answer deletes its follow-ups and gradings.
        assert session.scalar(select(func.count()).select_from(GradingResult)) == 0
        assert answers_for_question(session, user_id, "concept/precision-recall") == []


def test_submission_is_saved_before_its_verdict(store: Store) -> None:
    with store.session() as session:
        user_id = ensure_local_user(session).id
        submission = create_submission(
            session, user_id, "two-sum", "python", "print(input())", "custom", stdin="5\n"
        )
        submission_id = submission.id
    with store.session() as session:
        pending = session.get(CodeSubmission, submission_id)
        assert pending is not None
        assert (pending.verdict, pending.result, pending.judged_at) == (None, None, None)
        assert (pending.mode, pending.stdin, pending.source) == ("custom", "5\n", "print(input())")
        record_verdict(session, submission_id, "AC", {"tests": [{"verdict": "AC", "time_s": 0.01}]})
    with store.session() as session:
        judged = session.get(CodeSubmission, submission_id)
        assert judged is not None and judged.verdict == "AC"
        assert judged.result == {"tests": [{"verdict": "AC", "time_s": 0.01}]}
        assert judged.judged_at is not None and judged.judged_at >= judged.created_at
        with pytest.raises(LookupError):
            record_verdict(session, 10_000, "AC", {})


def test_review_card_upsert_and_due_query(store: Store) -> None:
    now = utcnow()
    with store.session() as session:
        user_id = ensure_local_user(session).id
        upsert_review_card(
            session, user_id, "q-late", card={"stability": 1.0}, due=now - timedelta(days=2)
        )
        upsert_review_card(
            session, user_id, "q-soon", card={"stability": 2.0}, due=now - timedelta(hours=1)
        )
        upsert_review_card(
            session, user_id, "q-future", card={"stability": 3.0}, due=now + timedelta(days=1)
        )
    with store.session() as session:
        assert [c.question_id for c in due_cards(session, user_id, now)] == ["q-late", "q-soon"]
        updated = upsert_review_card(
            session,
            user_id,
            "q-late",
            card={"stability": 4.5, "difficulty": 5.1},
            due=now + timedelta(days=3),
            last_review=now,
            reps=1,
        )
        assert updated.reps == 1 and updated.card == {"stability": 4.5, "difficulty": 5.1}
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(ReviewCard)) == 3
        assert [c.question_id for c in due_cards(session, user_id, now)] == ["q-soon"]
        later = now + timedelta(days=5)
        due_later = due_cards(session, user_id, later, limit=2)
        assert [c.question_id for c in due_later] == ["q-soon", "q-future"]
        card = session.scalars(select(ReviewCard).where(ReviewCard.question_id == "q-late")).one()
        assert card.last_review == now and card.due == now + timedelta(days=3)


@pytest.mark.parametrize(
    "row",
    [
        lambda user_id: Answer(user_id=user_id + 1, question_id="q", text="no such user"),
        lambda user_id: Answer(user_id=user_id, question_id="q", text="x", parent_answer_id=999),
        lambda user_id: GradingResult(answer_id=999, grader_version="v", score=1.0, result={}),
        lambda user_id: SessionRound(session_id="0" * 32, round_id="r", position=0),
        lambda user_id: InterviewSession(user_id=user_id, loop_id="l", mode="bogus"),
    ],
    ids=["user", "parent-answer", "answer", "session", "mode-check"],
)
def test_integrity_is_enforced(store: Store, row: Any) -> None:
    with store.session() as session:
        user_id = ensure_local_user(session).id
    with pytest.raises(IntegrityError), store.session() as session:
        session.add(row(user_id))


def test_naive_datetimes_are_refused(store: Store) -> None:
    with pytest.raises(Exception, match="naive datetime"), store.session() as session:
        user = ensure_local_user(session)
        naive = utcnow().replace(tzinfo=None)
        session.add(
            InterviewSession(user_id=user.id, loop_id="l", mode="practice", started_at=naive)
        )


def test_two_reviews_of_one_card_at_once_both_count(store: Store) -> None:
    """Two workers judging the same user's submissions at once each add a review: the card is
    locked while one is applied (PostgreSQL: row lock; SQLite: one writer), so neither is lost,
    also for a card that does not exist yet."""
    with store.session() as session:
        user_id = ensure_local_user(session).id
    started = threading.Barrier(2)
    errors: list[BaseException] = []

    def review_slowly() -> None:
        try:
            started.wait(timeout=10)
            with store.session() as session:
                record_review(session, user_id, "q-busy", Rating.Good, utcnow())
                time.sleep(0.3)  # still in the transaction when the other one reads the card
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    for _ in range(2):
        threads = [threading.Thread(target=review_slowly) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert errors == []
    with store.session() as session:
        card = session.scalars(select(ReviewCard).where(ReviewCard.question_id == "q-busy")).one()
        assert card.reps == 4
        assert card.card and card.last_review is not None
