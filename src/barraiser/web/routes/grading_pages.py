"""Grading on the question page: the Grade form (HTMX or a plain POST) and stored answers.

With HTMX the form gets back only the result (and the refreshed list of attempts); without
JavaScript the POST is answered with a redirect to the answer's own page (post/redirect/get),
so reloading never sends the answer twice.  Routes are plain ``def``: FastAPI runs them in its
threadpool, so grading (CPU work, and a model load the first time) never blocks the event loop.

In hosted mode with a broker the answer is saved and queued for a grade worker: HTMX gets a
"being graded" panel that polls the answer's page, and the answer's page shows the same panel
(refreshing itself without JavaScript) until the grade is in.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.responses import Response

from barraiser.interview.answers import AnswerError
from barraiser.web.attempts_view import attempt_numbers
from barraiser.web.deps import AnswersDep, BankDep, CurrentUserDep, TemplatesDep, is_row_id
from barraiser.web.grading_models import AttemptSummary, GradedAnswer
from barraiser.web.routes.pages import (
    is_htmx_partial,
    question_not_found,
    render_error,
    render_question,
)

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@router.post("/questions/{question_id}/grade")
def grade_form(
    question_id: str,
    request: Request,
    bank: BankDep,
    templates: TemplatesDep,
    user: CurrentUserDep,
    service: AnswersDep,
    answer: Annotated[str | None, Form()] = None,
) -> Response:
    """Grade the answer typed on the question page; the answer is saved before it is graded."""
    question = bank.questions.get(question_id)
    if question is None:
        return question_not_found(request, templates, question_id)
    htmx = is_htmx_partial(request)
    try:
        stored = service.submit(user.id, service.bank_target(question_id), answer)
    except AnswerError as exc:
        if htmx:
            # htmx does not swap error responses: answer 200 with the message in the result.
            return templates.TemplateResponse(
                request, "partials/grade_result.html", {"grading": None, "grade_error": exc.message}
            )
        return render_question(
            request,
            templates,
            bank,
            question,
            user.id,
            grade_error=exc.message,
            draft=answer or "",
            status_code=exc.status_code,
        )
    if not htmx:
        return RedirectResponse(f"/questions/{question_id}/answers/{stored.id}", status_code=303)
    if stored.being_graded:
        return templates.TemplateResponse(
            request,
            "partials/grade_pending.html",
            {"question": question, "answer_id": stored.id},
        )
    attempts = [AttemptSummary.of(a) for a in service.attempts(user.id, question_id)]
    graded = [a for a in attempts if a.score is not None]
    return templates.TemplateResponse(
        request,
        "partials/grade_response.html",
        {
            "grading": GradedAnswer.of(stored),
            "grade_error": None,
            "question": question,
            "attempts": attempts,
            "attempts_oob": True,
            "attempt_number": attempt_numbers(attempts).get(stored.id),
            # The first graded attempt: the page still hides the key behind "Show me anyway".
            "reveal_key": len(graded) == 1 and graded[0].answer_id == stored.id,
        },
    )


@router.get("/questions/{question_id}/answers/{answer_id}")
def answer_page(
    question_id: str,
    answer_id: int,
    request: Request,
    bank: BankDep,
    templates: TemplatesDep,
    user: CurrentUserDep,
    service: AnswersDep,
) -> Response:
    """The question page showing one of your earlier answers with its grading."""
    question = bank.questions.get(question_id)
    if question is None:
        return question_not_found(request, templates, question_id)
    stored = service.get(user.id, answer_id) if is_row_id(answer_id) else None
    if stored is None or stored.question_id != question_id:
        return render_error(
            request,
            templates,
            404,
            "Answer not found",
            f"You have no answer with id {answer_id} to this question. Your answers are listed "
            "under “Previous attempts” on the question page.",
            [(f"/questions/{question_id}", "Back to the question"), ("/", "Go to the home page")],
        )
    if stored.being_graded:
        return templates.TemplateResponse(
            request,
            "answer_pending.html",
            {"question": question, "answer_id": stored.id, "answer_text": stored.text},
        )
    if stored.result is None:
        return render_question(
            request,
            templates,
            bank,
            question,
            user.id,
            grade_error="This answer was saved but not graded (the grader could not run): "
            "press Grade to grade it now.",
            draft=stored.text,
        )
    return render_question(
        request, templates, bank, question, user.id, grading=GradedAnswer.of(stored)
    )
