"""The approach question of a coding item: when it is asked, how its answer is graded and counted.

Once a submission of a coding item is accepted (and counted: not sent after the time ran out),
the interviewer of a round that assesses communication asks the candidate to walk through the
approach, its time and space complexity and the trade-off made
(:data:`~barraiser.grading.approach.APPROACH_QUESTION`).  The answer is stored like any other
answer (``question_id`` ``approach:<problem id>``) before it is graded by
:func:`~barraiser.grading.approach.grade_approach`, and its score counts in the round's
communication rating (:func:`approach_scores`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from barraiser.content.loader import Bank
from barraiser.content.schemas import Round
from barraiser.grading.approach import APPROACH_QUESTION, ApproachGrade, grade_approach
from barraiser.interview.models import (
    APPROACH_PREFIX,
    PROBLEM_PREFIX,
    ApproachOutcome,
    Evidence,
    ItemOutcome,
)
from barraiser.interview.rounds import loop_of
from barraiser.store.models import Answer, CodeSubmission, InterviewSession
from barraiser.store.queries import save_grading

logger = logging.getLogger(__name__)

#: The competency the approach answer counts in.
APPROACH_COMPETENCY = "communication"


def asks_approach(rnd: Round) -> bool:
    """Whether the round's interviewer asks about the approach: rounds that assess
    communication (not an automated online assessment)."""
    return APPROACH_COMPETENCY in rnd.assesses


def counted_submissions(state: Mapping[str, Any]) -> list[int]:
    """A coding item's submissions that count: those not sent after the time ran out."""
    late = set(state.get("late_submissions", []))
    return [i for i in state.get("submissions", []) if i not in late]


def accepted_ids(session: Session, ids: Iterable[int]) -> set[int]:
    """Which of these submissions are accepted submits (AC on the hidden tests)."""
    wanted = list(ids)
    if not wanted:
        return set()
    return set(
        session.scalars(
            select(CodeSubmission.id).where(
                CodeSubmission.id.in_(wanted),
                CodeSubmission.mode == "submit",
                CodeSubmission.verdict == "AC",
            )
        )
    )


def asked_items(session: Session, row: InterviewSession) -> dict[int, set[str]]:
    """Session round id -> the coding items whose approach question is asked (one query)."""
    rounds = loop_of(row).rounds()
    candidates: dict[tuple[int, str], list[int]] = {}
    for sr in row.rounds:
        if sr.status == "pending" or not asks_approach(rounds[sr.position]):
            continue
        for item_id, state in sr.state.get("items", {}).items():
            if item_id.startswith(PROBLEM_PREFIX) and state.get("submissions"):
                candidates[(sr.id, item_id)] = counted_submissions(state)
    accepted = accepted_ids(session, (i for ids in candidates.values() for i in ids))
    asked: dict[int, set[str]] = {}
    for (round_pk, item_id), ids in candidates.items():
        if accepted.intersection(ids):
            asked.setdefault(round_pk, set()).add(item_id)
    return asked


def approach_grades(
    session: Session, row: InterviewSession, asked: Mapping[int, set[str]]
) -> dict[int, ApproachGrade]:
    """Answer id -> grade of the approach answers given in the session (for practice pages)."""
    ids = [
        given["answer_id"]
        for sr in row.rounds
        for item_id in asked.get(sr.id, set())
        if (given := sr.state.get("items", {}).get(item_id, {}).get("approach"))
    ]
    if not ids:
        return {}
    out = {}
    for answer in session.scalars(
        select(Answer).where(Answer.id.in_(ids)).options(selectinload(Answer.gradings))
    ):
        grade = _latest(answer)
        if grade is not None:
            out[answer.id] = grade
    return out


def approach_question_id(problem_id: str) -> str:
    return APPROACH_PREFIX + problem_id


def grade_and_save(
    bank: Bank, session: Session, answer_id: int, problem_id: str, text: str
) -> ApproachGrade | None:
    """Grade a stored approach answer and save the grading; None when the problem is gone."""
    loaded = bank.problems.get(problem_id)
    if loaded is None:
        logger.warning("Approach answer %s: problem %r is not installed", answer_id, problem_id)
        return None
    grade = grade_approach(text, loaded.problem.complexity)
    save_grading(
        session, answer_id, grade.grader_version, grade.score, grade.model_dump(mode="json")
    )
    return grade


def _latest(answer: Answer) -> ApproachGrade | None:
    if not answer.gradings:
        return None
    try:
        return ApproachGrade.model_validate(answer.gradings[-1].result)
    except ValueError:
        logger.warning("Approach answer %s has a grading that does not parse", answer.id)
        return None


def approach_outcome(state: Mapping[str, Any], answers: Mapping[int, Answer]) -> ApproachOutcome:
    """How the approach question of an item went (it was asked): its answer and grade."""
    given = state.get("approach") or {}
    answer = answers.get(given.get("answer_id", -1))
    if answer is None:
        return ApproachOutcome(question=APPROACH_QUESTION, answered=False, score=0.0)
    grade = _latest(answer)
    late = bool(given.get("late", False))
    score = None if grade is None else (0.0 if late else grade.score)
    return ApproachOutcome(
        question=APPROACH_QUESTION,
        answered=True,
        answer_text=answer.text,
        late=late,
        score=score,
        grade=grade,
    )


def approach_scores(outcomes: Iterable[ItemOutcome]) -> tuple[list[float], list[Evidence]]:
    """The approach answers' scores and evidence, for the round's communication rating."""
    scores: list[float] = []
    evidence: list[Evidence] = []
    for o in outcomes:
        approach = o.approach
        if approach is None or approach.score is None:
            continue
        scores.append(approach.score)
        evidence.extend(approach_evidence(o))
    return scores, evidence


def approach_evidence(outcome: ItemOutcome) -> list[Evidence]:
    """What the approach answer shows: each part with the sentence that earned it."""
    approach = outcome.approach
    if approach is None:
        return []

    def ev(kind: Any, text: str, quote: str | None = None) -> Evidence:
        return Evidence(
            item_id=outcome.item_id, item_title=outcome.title, kind=kind, text=text, quote=quote
        )

    if not approach.answered:
        return [ev("unanswered", "Asked for the approach and its complexity; not answered.")]
    if approach.late:
        return [ev("late", "The approach was explained after the time ran out: not counted.")]
    if approach.grade is None:
        return [ev("not-graded", "The approach answer is stored but could not be graded.")]
    out = [ev("approach", f"Explained the approach: {approach.grade.score:.0f}/100.")]
    for part in approach.grade.parts:
        points = f"{part.points:.0f}/{part.max_points:.0f}"
        out.append(ev("approach", f"{part.label} ({points}): {part.note}", part.evidence))
    return out
