"""Spaced-repetition review (FSRS): each question met becomes a card, rated from its grade.

An *item id* names what is reviewed: a bank question id (``precision-vs-recall``) or
``problem:<problem-id>`` for a coding problem (``problem:two-sum``). Its card is stored in
``review_cards`` as the fsrs ``Card.to_dict()`` JSON, with ``due`` copied out for the queries.

"Due today" means due at or before the end of the current day in UTC (23:59:59.999999), so a
card that comes due this evening is already on today's list, whatever the hour of the review.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from fsrs import Card, Rating, Scheduler
from pydantic import BaseModel
from sqlalchemy import func, select

from barraiser.grading.bands import PARTIAL_FROM, STRONG_FROM, WEAK_FROM
from barraiser.interview.models import PROBLEM_PREFIX, RESUME_PREFIX
from barraiser.store.models import ReviewCard
from barraiser.store.queries import due_cards, locked_review_card, upsert_review_card

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from barraiser.content.loader import Bank

#: Item ids that are never reviewed: ad-hoc questions have no page to come back to, and a
#: question made from the candidate's résumé is asked once (its answer is stored under the bank
#: question whose rubric grades it, which was not what was asked).
_UNREVIEWED_PREFIXES = ("adhoc:", RESUME_PREFIX)

__all__ = [
    "PROBLEM_PREFIX",
    "DueItem",
    "Rating",
    "all_items",
    "card_count",
    "due_items",
    "end_of_day",
    "is_reviewable",
    "rating_for_score",
    "rating_for_verdict",
    "record_review",
    "scheduler",
    "upcoming",
]


def rating_for_score(score: float) -> Rating:
    """The FSRS rating of a free-text answer graded ``score`` out of 100.

    The grader's bands (grading/bands.py): a strong answer (from 80) was an easy recall; a
    partial one (55-80, "the core is there") a successful but effortful recall (Good); a weak
    one (25-55) a recall that needed a lot of help (Hard); below 25 the candidate did not
    really answer (Again).
    """
    if score < WEAK_FROM:
        return Rating.Again
    if score < PARTIAL_FROM:
        return Rating.Hard
    if score < STRONG_FROM:
        return Rating.Good
    return Rating.Easy


def rating_for_verdict(verdict: str, passed: int, total: int) -> Rating:
    """The FSRS rating of a judged coding submission (``passed`` of ``total`` hidden tests).

    Accepted is Good, not Easy: a verdict says nothing about how long the solution took.
    Passing at least half the hidden tests means the idea was mostly there (Hard); anything
    less, including a compile error, is Again.
    """
    if verdict == "AC":
        return Rating.Good
    if total > 0 and passed * 2 >= total:
        return Rating.Hard
    return Rating.Again


def is_reviewable(item_id: str) -> bool:
    """Whether answers to ``item_id`` make a review card (ad-hoc questions do not)."""
    return not item_id.startswith(_UNREVIEWED_PREFIXES)


def scheduler() -> Scheduler:
    """The FSRS scheduler: default weights and retention, no fuzzing (deterministic).

    The learning steps (1 and 10 minutes by default) are dropped: they suit flashcards seen
    again within the hour, while a mock-interview question answered a minute ago is not a
    test of memory. Without them a new card goes straight to day-sized intervals.
    """
    return Scheduler(enable_fuzzing=False, learning_steps=(), relearning_steps=())


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("review times must be timezone-aware (use barraiser.store.utcnow())")
    return moment.astimezone(UTC)


def record_review(
    session: Session, user_id: int, item_id: str, rating: Rating, now: datetime
) -> ReviewCard:
    """Review the user's card of ``item_id`` (a new card the first time) and store it."""
    now = _aware(now)
    existing = locked_review_card(session, user_id, item_id, now)
    # A card made just now by the lock is empty: it has had no review yet.
    card = Card.from_dict(existing.card) if existing.card else Card()  # type: ignore[arg-type]
    reps = existing.reps
    card, _log = scheduler().review_card(card, rating, review_datetime=now)
    return upsert_review_card(
        session,
        user_id,
        item_id,
        card=dict(card.to_dict()),
        due=card.due,
        last_review=now,
        reps=reps + 1,
    )


class DueItem(BaseModel):
    """A review card with what the pages need to show it: title, kind and links."""

    item_id: str
    title: str
    kind: str
    due: datetime
    last_review: datetime | None
    reps: int
    stability: float | None
    #: Whole days since the card came due; 0 when it is due today.
    overdue_days: int
    #: POST here to start practising the item (the interview engine's route).
    practise_url: str
    #: The page of the question or problem, to read it first.
    read_url: str


def end_of_day(now: datetime) -> datetime:
    """The last instant of ``now``'s day in UTC."""
    day = _aware(now).date()
    return datetime.combine(day, time.max, tzinfo=UTC)


def _describe(item_id: str, bank: Bank | None) -> tuple[str, str, str, str]:
    """Title, kind, practise URL and read URL of an item id."""
    if item_id.startswith(PROBLEM_PREFIX):
        problem_id = item_id.removeprefix(PROBLEM_PREFIX)
        loaded = bank.problems.get(problem_id) if bank is not None else None
        title = loaded.problem.title if loaded is not None else problem_id
        return title, "coding", f"/practice/questions/{item_id}", f"/problems/{problem_id}"
    question = bank.questions.get(item_id) if bank is not None else None
    # A question no longer in the bank still shows, under its id, so the card is not lost.
    title = question.title if question is not None else item_id
    kind = question.kind if question is not None else "unknown"
    return title, kind, f"/practice/questions/{item_id}", f"/questions/{item_id}"


def _item(row: ReviewCard, now: datetime, bank: Bank | None) -> DueItem:
    title, kind, practise_url, read_url = _describe(row.question_id, bank)
    stability: Any = row.card.get("stability")
    overdue = max(0, (now.date() - row.due.date()).days)
    return DueItem(
        item_id=row.question_id,
        title=title,
        kind=kind,
        due=row.due,
        last_review=row.last_review,
        reps=row.reps,
        stability=float(stability) if stability is not None else None,
        overdue_days=overdue,
        practise_url=practise_url,
        read_url=read_url,
    )


def due_items(
    session: Session, user_id: int, now: datetime, bank: Bank | None, *, limit: int | None = None
) -> list[DueItem]:
    """The user's items due today (by the end of today, UTC), most overdue first."""
    now = _aware(now)
    rows = due_cards(session, user_id, end_of_day(now), limit=limit)
    return [_item(row, now, bank) for row in rows]


def all_items(session: Session, user_id: int, now: datetime, bank: Bank | None) -> list[DueItem]:
    """Every review card of the user, soonest due first."""
    now = _aware(now)
    rows = session.scalars(
        select(ReviewCard)
        .where(ReviewCard.user_id == user_id)
        .order_by(ReviewCard.due, ReviewCard.id)
    )
    return [_item(row, now, bank) for row in rows]


def card_count(session: Session, user_id: int) -> int:
    """How many review cards the user has."""
    statement = select(func.count()).select_from(ReviewCard).where(ReviewCard.user_id == user_id)
    return int(session.scalar(statement) or 0)


def upcoming(
    session: Session, user_id: int, now: datetime, days: int = 7
) -> list[tuple[date, int]]:
    """How many cards come due on each of the ``days`` days after today (UTC), zeros included."""
    now = _aware(now)
    start = end_of_day(now)
    stop = start + timedelta(days=days)
    dues = session.scalars(
        select(ReviewCard.due).where(
            ReviewCard.user_id == user_id, ReviewCard.due > start, ReviewCard.due <= stop
        )
    )
    counts = {start.date() + timedelta(days=k): 0 for k in range(1, days + 1)}
    for due in dues:
        day = _aware(due).date()
        if day in counts:
            counts[day] += 1
    return sorted(counts.items())
