"""Progress over time: every graded attempt as a score 0-100, by competency and by kind.

An attempt is a graded free-text answer (its latest grading) or a code submission to the hidden
tests with a verdict. Follow-up answers are left out: their grading is of the combined answer,
already counted on the answer they follow. A submission the judge could not judge (IE) is left
out too: it says nothing about the candidate.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from barraiser.content.loader import Bank
from barraiser.interview.items import CODING_COMPETENCIES
from barraiser.interview.models import APPROACH_PREFIX
from barraiser.interview.submissions import hidden_counts
from barraiser.store.models import Answer, CodeSubmission

#: Competencies of a coding problem that no bank question links to.
ADHOC_KIND = "ad-hoc"
#: How many competencies "weakest" names at most.
WEAKEST = 3
RECENT_DAYS = 7

KIND_LABELS = {
    "concept": "ML concepts",
    "ml-design": "ML system design",
    "system-design": "System design",
    "behavioral": "Behavioural",
    "coding": "Coding",
    "ml-coding": "ML coding",
    ADHOC_KIND: "Your own questions",
}


class Attempt(BaseModel):
    """One graded attempt."""

    when: datetime
    score: float
    kind: str
    competencies: list[str]
    item_id: str
    source: Literal["answer", "submission"]
    source_id: int


class DayPoint(BaseModel):
    """The mean score of one day's attempts (UTC days)."""

    day: date
    mean: float
    attempts: int


class Series(BaseModel):
    """Daily means of one competency or kind."""

    key: str
    label: str
    points: list[DayPoint]


class Period(BaseModel):
    """Attempts and their mean score over a stretch of time (mean None without attempts)."""

    attempts: int
    mean_score: float | None


class Group(BaseModel):
    """A competency or kind with its attempts, mean and latest score."""

    key: str
    label: str
    attempts: int
    mean_score: float
    last_score: float
    last_when: datetime


class Totals(BaseModel):
    """All attempts; the last seven days against everything before them."""

    attempts: int
    mean_score: float | None
    last_7_days: Period
    before: Period


class Progress(BaseModel):
    """A user's progress: attempts, daily series, totals and the weakest competencies."""

    generated_at: datetime
    attempts: list[Attempt]
    by_competency: list[Series]
    by_kind: list[Series]
    competencies: list[Group]
    kinds: list[Group]
    totals: Totals
    weakest: list[Group]

    @property
    def empty(self) -> bool:
        """True when there is nothing graded yet."""
        return not self.attempts


def hidden_test_score(result: dict[str, Any] | None, verdict: str) -> float:
    """100 x hidden tests passed / hidden tests (an accepted one with no hidden tests: 100)."""
    passed, total = hidden_counts(result)
    if not total:
        return 100.0 if verdict == "AC" else 0.0
    return 100.0 * passed / total


def _answer_attempts(session: Session, user_id: int, bank: Bank) -> Iterable[Attempt]:
    statement = (
        select(Answer)
        .where(Answer.user_id == user_id, Answer.parent_answer_id.is_(None))
        # A coding item's approach answer is part of that item, not a question of its own.
        .where(Answer.question_id.not_like(APPROACH_PREFIX + "%"))
        .order_by(Answer.created_at, Answer.id)
        .options(selectinload(Answer.gradings))
    )
    for answer in session.scalars(statement):
        if not answer.gradings:
            continue
        latest = answer.gradings[-1]
        if isinstance(latest.result, dict) and latest.result.get("draft"):
            continue  # an answer to a draft without a rubric: saved, not scored
        question = bank.questions.get(answer.question_id)
        # An ad-hoc question (or one since removed from the bank): no competencies known.
        kind: str = ADHOC_KIND if question is None else question.kind
        competencies = [] if question is None else list(question.competencies)
        yield Attempt(
            when=answer.created_at,
            score=min(max(latest.score, 0.0), 100.0),
            kind=kind,
            competencies=competencies,
            item_id=answer.question_id,
            source="answer",
            source_id=answer.id,
        )


def _submission_attempts(session: Session, user_id: int, bank: Bank) -> Iterable[Attempt]:
    linked = {q.problem: q for q in bank.questions.values() if q.problem is not None}
    statement = (
        select(CodeSubmission)
        .where(
            CodeSubmission.user_id == user_id,
            CodeSubmission.mode == "submit",
            CodeSubmission.verdict.is_not(None),
            CodeSubmission.verdict != "IE",
        )
        .order_by(CodeSubmission.created_at, CodeSubmission.id)
    )
    for submission in session.scalars(statement):
        question = linked.get(submission.problem_id)
        yield Attempt(
            when=submission.created_at,
            score=hidden_test_score(submission.result, submission.verdict or ""),
            kind="coding" if question is None else question.kind,
            competencies=(
                list(CODING_COMPETENCIES) if question is None else list(question.competencies)
            ),
            item_id=submission.problem_id,
            source="submission",
            source_id=submission.id,
        )


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values), 1)


def _daily(attempts: list[Attempt]) -> list[DayPoint]:
    by_day: dict[date, list[float]] = defaultdict(list)
    for attempt in attempts:
        by_day[attempt.when.astimezone(UTC).date()].append(attempt.score)
    return [
        DayPoint(day=day, mean=_mean(scores), attempts=len(scores))
        for day, scores in sorted(by_day.items())
    ]


def _groups(
    grouped: dict[str, list[Attempt]], labels: dict[str, str]
) -> tuple[list[Series], list[Group]]:
    def label_of(key: str) -> str:
        return labels.get(key) or key.replace("-", " ").capitalize()

    series, groups = [], []
    for key in sorted(grouped, key=lambda k: label_of(k).lower()):
        attempts = grouped[key]
        label = label_of(key)
        series.append(Series(key=key, label=label, points=_daily(attempts)))
        groups.append(
            Group(
                key=key,
                label=label,
                attempts=len(attempts),
                mean_score=_mean([a.score for a in attempts]),
                last_score=attempts[-1].score,
                last_when=attempts[-1].when,
            )
        )
    return series, groups


def _period(attempts: list[Attempt]) -> Period:
    scores = [a.score for a in attempts]
    return Period(attempts=len(scores), mean_score=_mean(scores) if scores else None)


def progress(
    session: Session, user_id: int, bank: Bank, *, now: datetime | None = None
) -> Progress:
    """The user's progress from the store; every list is empty when nothing is graded yet."""
    now = now or datetime.now(UTC)
    attempts = sorted(
        [*_answer_attempts(session, user_id, bank), *_submission_attempts(session, user_id, bank)],
        key=lambda a: (a.when, a.source, a.source_id),
    )
    by_competency: dict[str, list[Attempt]] = defaultdict(list)
    by_kind: dict[str, list[Attempt]] = defaultdict(list)
    for attempt in attempts:
        by_kind[attempt.kind].append(attempt)
        for competency in attempt.competencies:
            by_competency[competency].append(attempt)
    competency_labels = {c.id: c.name for c in bank.competencies.values()}
    competency_series, competencies = _groups(by_competency, competency_labels)
    kind_series, kinds = _groups(by_kind, KIND_LABELS)
    since = now - timedelta(days=RECENT_DAYS)
    totals = Totals(
        attempts=len(attempts),
        mean_score=_mean([a.score for a in attempts]) if attempts else None,
        last_7_days=_period([a for a in attempts if a.when >= since]),
        before=_period([a for a in attempts if a.when < since]),
    )
    weakest = sorted(competencies, key=lambda g: (g.mean_score, -g.attempts, g.label))[:WEAKEST]
    return Progress(
        generated_at=now,
        attempts=attempts,
        by_competency=competency_series,
        by_kind=kind_series,
        competencies=competencies,
        kinds=kinds,
        totals=totals,
        weakest=weakest,
    )


def weakness(session: Session, user_id: int, bank: Bank) -> dict[str, float]:
    """Competency id -> 1 - mean score / 100 over the user's graded attempts (what the loop's
    question selection leans towards); competencies never graded are absent."""
    return {
        g.key: round(1 - g.mean_score / 100, 3)
        for g in progress(session, user_id, bank).competencies
    }
