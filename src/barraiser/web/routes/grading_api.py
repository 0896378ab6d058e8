"""The grading API: grade a free-text answer (saved first) and read a stored answer back.

The routes are plain ``def`` functions, so FastAPI runs them in its threadpool: grading is CPU
work (and the first grading loads the model, ~5 s) and never blocks the event loop.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException

from barraiser.interview.answers import AnswerError
from barraiser.web.deps import AnswersDep, CurrentUserDep
from barraiser.web.grading_models import AttemptSummary, GradedAnswer, GradeIn
from barraiser.web.models import ErrorOut

router = APIRouter(prefix="/api")

_REFUSED: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "The request is not valid (the message says why)."},
    404: {"model": ErrorOut, "description": "No question with this id."},
    413: {"model": ErrorOut, "description": "The answer is over 20,000 characters."},
    503: {"model": ErrorOut, "description": "The grader cannot run (the answer is saved)."},
}
_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "No answer of yours with this id."},
    409: {"model": ErrorOut, "description": "The answer was saved but never graded."},
}


@router.post("/grade", tags=["grading"], responses=_REFUSED)
def grade(
    user_id: CurrentUserDep,
    service: AnswersDep,
    body: Annotated[GradeIn | None, Body()] = None,
) -> GradedAnswer:
    """Save an answer, grade it against its rubric and return the stored answer with its grade.

    Send ``{question_id, answer}`` for a free-text question of the bank, or ``{question,
    reference_answer, answer}`` for an ad-hoc question. The answer is stored before it is
    graded; the grading is stored with the grader's version. The result has the score (0-100),
    each key point with its status and the sentence of the answer that earned it, misconceptions
    with corrections, follow-up questions, feedback text, ``star`` for behavioural questions and
    ``llm`` (the optional LLM judge's assessment; null when it is off).
    """
    if body is None:
        raise HTTPException(
            400,
            "The request has no body: send a JSON object such as "
            '{"question_id": "choosing-between-two-accuracies", "answer": "..."}.',
        )
    try:
        if body.question_id is not None:
            if body.question is not None or body.reference_answer is not None:
                raise AnswerError(
                    "Send either `question_id` (a bank question) or `question` with "
                    "`reference_answer` (an ad-hoc question), not both."
                )
            target = service.bank_target(body.question_id)
        else:
            target = service.adhoc_target(body.question, body.reference_answer)
        stored = service.submit(user_id, target, body.answer)
    except AnswerError as exc:
        raise HTTPException(exc.status_code, exc.message) from None
    return GradedAnswer.of(stored)


@router.get("/answers/{answer_id}", tags=["grading"], responses=_NOT_FOUND)
def get_answer(answer_id: int, user_id: CurrentUserDep, service: AnswersDep) -> GradedAnswer:
    """One of your stored answers with its latest grading."""
    stored = service.get(user_id, answer_id)
    if stored is None:
        raise HTTPException(404, f"No answer of yours with id {answer_id}.")
    if stored.result is None:
        raise HTTPException(
            409,
            f"Answer {answer_id} was saved but never graded (the grader could not run): send it "
            "again with POST /api/grade.",
        )
    return GradedAnswer.of(stored)


@router.get("/questions/{question_id}/answers", tags=["grading"])
def list_answers(
    question_id: str, user_id: CurrentUserDep, service: AnswersDep
) -> list[AttemptSummary]:
    """Your answers to a question, newest first, each with its score."""
    return [AttemptSummary.of(a) for a in service.attempts(user_id, question_id)]
