"""The approach question of a coding item: when it is asked, how its answer is graded and counted.

Once a submission of a coding item is accepted (and counted: not sent after the time ran out),
the interviewer of a round that assesses communication asks the candidate to walk through the
approach, its time and space complexity and the trade-off made
(:data:`~barraiser.grading.approach.APPROACH_QUESTION`).  The answer is stored like any other
answer (``question_id`` ``approach:<problem id>``) before it is graded by
:func:`~barraiser.grading.approach.grade_approach`, and its score counts in the round's
communication rating (:func:`approach_scores`).

A question left unanswered is judged as a Bar Raiser would.  When the candidate had the time
(the submission was accepted with at least :data:`ANSWER_TIME_S` left on the round's clock) and
moved on, or answered only after the time ran out, it counts against communication as a weak
explanation (:data:`SKIPPED_SCORE`), not as a wrong one: the code itself was accepted, while a
wrong account of one's own code is a misunderstanding.  When the time ran out before there was
a chance to answer, it does not count at all.  The debrief says which, in words.
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
#: Time a candidate needs to explain an accepted solution: accepted with less left on the
#: round's clock, the approach question does not count when it goes unanswered.
ANSWER_TIME_S = 120.0
#: The communication score of an approach question left unanswered though there was time: a
#: "no" (the candidate did not explain their own code), yet above any answer that gets both
#: bounds wrong (at most 35: the approach and a trade-off named), since the code was accepted.
SKIPPED_SCORE = 40.0
#: ``state["submitted_left_s"]``: submission id -> seconds left on the round's clock when it was
#: sent (what says whether an accepted one left time to explain it).
LEFT_KEY = "submitted_left_s"


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


def approach_outcome(
    state: Mapping[str, Any], answers: Mapping[int, Answer], accepted_id: int | None = None
) -> ApproachOutcome:
    """How the approach question of an item went (it was asked once submission
    ``accepted_id`` was accepted): its answer, its grade and how it counts."""
    given = state.get("approach") or {}
    answer = answers.get(given.get("answer_id", -1))
    left = state.get(LEFT_KEY, {}).get(str(accepted_id)) if accepted_id is not None else None
    # Sessions from before the time was kept: the candidate is taken to have had the time.
    had_time = left is None or left >= ANSWER_TIME_S
    late = answer is not None and bool(given.get("late", False))
    grade = _latest(answer) if answer is not None else None
    score, note = _counted(answer is not None, late, had_time, grade)
    return ApproachOutcome(
        question=APPROACH_QUESTION,
        answered=answer is not None,
        answer_text=answer.text if answer is not None else None,
        late=late,
        had_time=had_time,
        score=score,
        grade=grade,
        note=note,
    )


def _counted(
    answered: bool, late: bool, had_time: bool, grade: ApproachGrade | None
) -> tuple[float | None, str]:
    """The score an approach question counts in communication (None: not counted) and why."""
    if answered and not late:
        if grade is None:
            return None, "The approach answer is stored but could not be graded: left out."
        return grade.score, ""
    if not had_time:
        what = (
            "the approach was explained after the time ran out"
            if late
            else "the time ran out before the approach could be explained"
        )
        return None, (
            f"The code was accepted with under {ANSWER_TIME_S / 60:g} minutes left and {what}: "
            "not counted."
        )
    what = (
        "Explained the approach only after the time ran out, though there was time after the "
        "code was accepted"
        if late
        else "Moved on without explaining the accepted solution's approach and complexity, "
        "though there was time"
    )
    return SKIPPED_SCORE, (
        f"{what}: counted as a weak explanation ({SKIPPED_SCORE:.0f}/100), not as a wrong one, "
        "since the code itself was accepted."
    )


def approach_scores(outcomes: Iterable[ItemOutcome]) -> tuple[list[float], list[Evidence]]:
    """The approach answers' scores and evidence, for the round's communication rating."""
    scores: list[float] = []
    evidence: list[Evidence] = []
    for o in outcomes:
        approach = o.approach
        if approach is None:
            continue
        if approach.score is not None:
            scores.append(approach.score)
        # Not counted (no time to answer) is said in words too.
        if approach.score is not None or not approach.had_time:
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

    if not approach.answered or approach.late or approach.grade is None:
        kind = "late" if approach.late else "unanswered" if not approach.answered else "not-graded"
        return [ev(kind, approach.note)]
    out = [ev("approach", f"Explained the approach: {approach.grade.score:.0f}/100.")]
    for part in approach.grade.parts:
        points = f"{part.points:.0f}/{part.max_points:.0f}"
        out.append(ev("approach", f"{part.label} ({points}): {part.note}", part.evidence))
    return out
