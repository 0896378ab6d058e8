"""The grading API: grade a free-text answer (saved first) and read a stored answer back.

The routes are plain ``def`` functions, so FastAPI runs them in its threadpool: grading is CPU
work (and the first grading loads the model, ~5 s) and never blocks the event loop.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field
from starlette.responses import Response

from barraiser.interview.answers import AnswerError, StoredAnswer
from barraiser.web.deps import AnswersDep, CurrentUserDep, is_row_id
from barraiser.web.grading_models import AttemptSummary, GradedAnswer, GradeIn
from barraiser.web.models import ErrorOut

_EXAMPLE = '{"question_id": "choosing-between-two-accuracies", "answer": "..."}'


def validation_sentence(errors: Sequence[Any]) -> str:
    """FastAPI's validation errors as one sentence that says what to send instead."""
    problems = []
    for error in errors:
        kind = error.get("type", "")
        where = [str(part) for part in error.get("loc", ()) if part not in ("body", "path")]
        if kind == "json_invalid":
            return f"The request body is not valid JSON: send a JSON object such as {_EXAMPLE}."
        if not where:
            return f"The request body must be a JSON object such as {_EXAMPLE}."
        name = ".".join(where)
        if name == "answer_id":
            return "The answer id in the address must be a whole number, e.g. /api/answers/12."
        problems.append(f"`{name}` {error.get('msg', 'is not valid').lower()}")
    return "The request is not valid: " + "; ".join(problems) + "."


class _SentenceErrors(APIRoute):
    """Validation errors of these routes come back as a sentence in ``detail`` (status 422)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            try:
                return await handler(request)
            except RequestValidationError as exc:
                raise HTTPException(422, validation_sentence(exc.errors())) from None

        return route


router = APIRouter(prefix="/api", route_class=_SentenceErrors)


class QueuedAnswer(BaseModel):
    """An answer saved and waiting for a grade worker (hosted mode): poll its address."""

    answer_id: int = Field(description="Id of the stored answer: GET /api/answers/{answer_id}.")
    question_id: str
    status: str = Field(default="queued", description="`queued` until the grade is in.")
    detail: str

    @classmethod
    def response(cls, stored: StoredAnswer) -> JSONResponse:
        """202 with the answer's id and where to read its grade."""
        queued = cls(
            answer_id=stored.id,
            question_id=stored.question_id,
            detail=f"Your answer is saved and being graded: GET /api/answers/{stored.id} "
            "returns the grade once it is in (202 until then).",
        )
        return JSONResponse(queued.model_dump(), status_code=202)


_QUEUED: dict[int | str, dict[str, Any]] = {
    202: {"model": QueuedAnswer, "description": "Saved and being graded by a worker (hosted)."}
}
_REFUSED: dict[int | str, dict[str, Any]] = {
    202: {"model": QueuedAnswer, "description": "Saved and queued for a grade worker (hosted)."},
    400: {"model": ErrorOut, "description": "The request is not valid (the message says why)."},
    404: {"model": ErrorOut, "description": "No question with this id."},
    413: {"model": ErrorOut, "description": "The answer is over 20,000 characters."},
    422: {"model": ErrorOut, "description": "The body is not JSON or a field has the wrong type."},
    503: {"model": ErrorOut, "description": "The grader cannot run (the answer is saved)."},
}


_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    **_QUEUED,
    404: {"model": ErrorOut, "description": "No answer of yours with this id."},
    409: {"model": ErrorOut, "description": "The answer was saved but never graded."},
    422: {"model": ErrorOut, "description": "The id is not a whole number."},
}


@router.post("/grade", tags=["grading"], responses=_REFUSED, response_model=GradedAnswer)
def grade(
    user: CurrentUserDep,
    service: AnswersDep,
    body: Annotated[GradeIn | None, Body()] = None,
) -> GradedAnswer | JSONResponse:
    """Save an answer, grade it against its rubric and return the stored answer with its grade.

    Send ``{question_id, answer}`` for a free-text question of the bank, or ``{question,
    reference_answer, answer}`` for an ad-hoc question. The answer is stored before it is
    graded; the grading is stored with the grader's version. The result has the score (0-100),
    each key point with its status and the sentence of the answer that earned it, misconceptions
    with corrections, follow-up questions, feedback text, ``star`` for behavioural questions and
    ``llm`` (the optional LLM judge's assessment; null when it is off).

    In hosted mode with grade workers the answer is saved and queued: 202 with its
    ``answer_id`` and ``status: queued``; GET /api/answers/{answer_id} returns the grade once in.
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
        stored = service.submit(user.id, target, body.answer)
    except AnswerError as exc:
        raise HTTPException(exc.status_code, exc.message) from None
    if stored.being_graded:
        return QueuedAnswer.response(stored)
    return GradedAnswer.of(stored)


@router.get(
    "/answers/{answer_id}", tags=["grading"], responses=_NOT_FOUND, response_model=GradedAnswer
)
def get_answer(
    answer_id: int, user: CurrentUserDep, service: AnswersDep
) -> GradedAnswer | JSONResponse:
    """One of your stored answers with its latest grading (202 while a worker grades it)."""
    stored = service.get(user.id, answer_id) if is_row_id(answer_id) else None
    if stored is None:
        raise HTTPException(404, f"No answer of yours with id {answer_id}.")
    if stored.being_graded:
        return QueuedAnswer.response(stored)
    if stored.result is None:
        raise HTTPException(
            409,
            f"Answer {answer_id} was saved but never graded (the grader could not run): send it "
            "again with POST /api/grade.",
        )
    return GradedAnswer.of(stored)


@router.get("/questions/{question_id}/answers", tags=["grading"])
def list_answers(
    question_id: str, user: CurrentUserDep, service: AnswersDep
) -> list[AttemptSummary]:
    """Your answers to a question, newest first, each with its score."""
    return [AttemptSummary.of(a) for a in service.attempts(user.id, question_id)]
