"""Small queries shared by the web app, the CLI and the tests; the caller owns the transaction.

Each helper flushes, so new rows have their ids, but never commits: use ``Store.session()``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from barraiser.store._dialect import insert_for
from barraiser.store.models import (
    Answer,
    CodeSubmission,
    GradingResult,
    ReviewCard,
    SubmissionMode,
    utcnow,
)


def save_answer(
    session: Session,
    user_id: int,
    question_id: str,
    text: str,
    *,
    session_round_id: int | None = None,
    parent_answer_id: int | None = None,
    prompt_text: str | None = None,
) -> Answer:
    """Save an answer; for a follow-up, give the answer it follows and the question asked."""
    answer = Answer(
        user_id=user_id,
        question_id=question_id,
        text=text,
        session_round_id=session_round_id,
        parent_answer_id=parent_answer_id,
        prompt_text=prompt_text,
    )
    session.add(answer)
    session.flush()
    return answer


def save_grading(
    session: Session, answer_id: int, grader_version: str, score: float, result: dict[str, Any]
) -> GradingResult:
    """Save one grading of an answer; earlier gradings are kept."""
    grading = GradingResult(
        answer_id=answer_id, grader_version=grader_version, score=score, result=result
    )
    session.add(grading)
    session.flush()
    return grading


def answers_for_question(session: Session, user_id: int, question_id: str) -> list[Answer]:
    """Every answer of a user to a question, follow-ups included, oldest first, with gradings."""
    statement = (
        select(Answer)
        .where(Answer.user_id == user_id, Answer.question_id == question_id)
        .order_by(Answer.created_at, Answer.id)
        .options(selectinload(Answer.gradings))
    )
    return list(session.scalars(statement))


def has_judged_submission(session: Session, user_id: int, problem_id: str) -> bool:
    """Whether the user has a submission of the problem that the judge has finished with."""
    statement = (
        select(CodeSubmission.id)
        .where(
            CodeSubmission.user_id == user_id,
            CodeSubmission.problem_id == problem_id,
            CodeSubmission.mode == "submit",
            CodeSubmission.verdict.is_not(None),
        )
        .limit(1)
    )
    return session.scalar(statement) is not None


def create_submission(
    session: Session,
    user_id: int,
    problem_id: str,
    language: str,
    source: str,
    mode: SubmissionMode,
    *,
    stdin: str | None = None,
    session_round_id: int | None = None,
) -> CodeSubmission:
    """Save code before it is judged, so a crash of the judge loses nothing."""
    submission = CodeSubmission(
        user_id=user_id,
        problem_id=problem_id,
        language=language,
        source=source,
        mode=mode,
        stdin=stdin,
        session_round_id=session_round_id,
    )
    session.add(submission)
    session.flush()
    return submission


def record_verdict(
    session: Session,
    submission_id: int,
    verdict: str,
    result: dict[str, Any],
    *,
    judged_at: datetime | None = None,
) -> CodeSubmission:
    """Store the judge's verdict and per-test result on a saved submission."""
    submission = session.get(CodeSubmission, submission_id)
    if submission is None:
        raise LookupError(f"no code submission with id {submission_id}")
    submission.verdict = verdict
    submission.result = result
    submission.judged_at = judged_at or utcnow()
    session.flush()
    return submission


def upsert_review_card(
    session: Session,
    user_id: int,
    question_id: str,
    *,
    card: dict[str, Any],
    due: datetime,
    last_review: datetime | None = None,
    reps: int = 0,
) -> ReviewCard:
    """Create or replace the review card of a question, atomically (INSERT .. ON CONFLICT)."""
    values = {"card": card, "due": due, "last_review": last_review, "reps": reps}
    insert = insert_for(session, ReviewCard).values(
        user_id=user_id, question_id=question_id, **values
    )
    statement = insert.on_conflict_do_update(
        index_elements=[ReviewCard.user_id, ReviewCard.question_id],
        set_={name: insert.excluded[name] for name in values},
    ).returning(ReviewCard)
    # populate_existing: a card already loaded in this session gets the new values too.
    return session.scalars(statement, execution_options={"populate_existing": True}).one()


def locked_review_card(
    session: Session, user_id: int, question_id: str, now: datetime
) -> ReviewCard:
    """The user's card of a question, locked until the transaction ends (made empty, with no
    review, when there is none), so that two reviews at once (two workers judging the same
    user's submissions) are applied one after the other instead of one overwriting the other.

    PostgreSQL locks the row (``SELECT .. FOR UPDATE``); SQLite has one writer at a time."""
    placeholder = insert_for(session, ReviewCard).values(
        user_id=user_id, question_id=question_id, card={}, due=now, last_review=None, reps=0
    )
    session.execute(
        placeholder.on_conflict_do_nothing(
            index_elements=[ReviewCard.user_id, ReviewCard.question_id]
        )
    )
    statement = (
        select(ReviewCard)
        .where(ReviewCard.user_id == user_id, ReviewCard.question_id == question_id)
        .with_for_update()
    )
    return session.scalars(statement, execution_options={"populate_existing": True}).one()


def due_cards(
    session: Session, user_id: int, now: datetime, *, limit: int | None = None
) -> list[ReviewCard]:
    """The user's cards due at ``now``, most overdue first."""
    statement = (
        select(ReviewCard)
        .where(ReviewCard.user_id == user_id, ReviewCard.due <= now)
        .order_by(ReviewCard.due, ReviewCard.id)
        .limit(limit)
    )
    return list(session.scalars(statement))
