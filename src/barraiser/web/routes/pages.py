"""HTML pages: home, loops, the question bank (with HTMX filtering) and question pages."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from barraiser.content.loader import Bank
from barraiser.content.schemas import DIFFICULTIES, QUESTION_KINDS, Loop, Question
from barraiser.interview.answers import AnswerService
from barraiser.web.attempts_view import attempt_numbers, key_revealed
from barraiser.web.deps import BankDep, CurrentUserDep, TemplatesDep
from barraiser.web.grading_models import AttemptSummary, GradedAnswer
from barraiser.web.presenters import kind_counts
from barraiser.web.routes.filters import QuestionFilters

DEFAULT_LOOP_ID = "amazon-mle"
QUICK_LOOP_ID = "quick"

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _main_loop(bank: Bank) -> Loop | None:
    if DEFAULT_LOOP_ID in bank.loops:
        return bank.loops[DEFAULT_LOOP_ID]
    return next(iter(bank.loops.values()), None)


def is_htmx_partial(request: Request) -> bool:
    # A history restore must get the whole page even though htmx marks it as an HTMX request.
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def render_error(
    request: Request,
    templates: Jinja2Templates,
    status_code: int,
    heading: str,
    message: str,
    links: list[tuple[str, str]] | None = None,
) -> Response:
    """A friendly HTML error page with links that say where to go next."""
    response: Response = templates.TemplateResponse(
        request,
        "error.html",
        {
            "status_code": status_code,
            "heading": heading,
            "message": message,
            "links": links or [("/", "Go to the home page"), ("/questions", "Browse questions")],
        },
        status_code=status_code,
    )
    return response


@router.get("/")
def home(
    request: Request, bank: BankDep, templates: TemplatesDep, user: CurrentUserDep
) -> Response:
    """The quick loop to start first, the Amazon MLE loop as a timeline (started from its own
    page), the other loops, and a way into the bank."""
    main = _main_loop(bank)
    others = [loop for loop in bank.loops.values() if main is None or loop.id != main.id]
    # The short loop is the first call to action; the main loop is one click further.
    quick = bank.loops.get(QUICK_LOOP_ID) if main is not None and main.id != QUICK_LOOP_ID else None
    interviews = getattr(request.app.state, "interviews", None)
    active = (
        [s for s in interviews.list_sessions(user.id) if s.status == "active"]
        if interviews is not None
        else []
    )
    return templates.TemplateResponse(
        request,
        "home.html",
        {
            "interview_loop": main,
            "quick_loop": quick,
            "other_loops": others,
            "bank": bank,
            "question_total": len(bank.questions),
            "kind_counts": kind_counts(bank),
            "active_sessions": active,
        },
    )


@router.get("/loops")
def loops(request: Request, bank: BankDep, templates: TemplatesDep) -> Response:
    """Every installed loop as a card."""
    # By company name (a loop of an unknown company goes under its own name).
    ids = dict.fromkeys(loop.company_id for loop in bank.loops.values())
    rows = sorted(
        ((bank.companies.get(cid), bank.company_loops(cid)) for cid in ids),
        key=lambda row: row[0].name if row[0] else row[1][0].company,
    )
    return templates.TemplateResponse(
        request, "loops.html", {"loops": list(bank.loops.values()), "groups": rows}
    )


@router.get("/loops/{loop_id}")
def loop_page(loop_id: str, request: Request, bank: BankDep, templates: TemplatesDep) -> Response:
    """One loop: its stages as a timeline, the debrief rule and what is scored."""
    loop = bank.loops.get(loop_id)
    if loop is None:
        return render_error(
            request,
            templates,
            404,
            "No such loop",
            f"There is no loop with the id “{loop_id}”. Pick one from the list of loops.",
            [("/loops", "See all loops"), ("/", "Go to the home page")],
        )
    return templates.TemplateResponse(request, "loop.html", {"interview_loop": loop, "bank": bank})


@router.get("/questions")
def questions(
    request: Request,
    bank: BankDep,
    templates: TemplatesDep,
    kind: Annotated[str | None, Query()] = None,
    topic: Annotated[str | None, Query()] = None,
    lp: Annotated[str | None, Query()] = None,
    difficulty: Annotated[str | None, Query()] = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
    company: Annotated[str | None, Query()] = None,
) -> Response:
    """The bank with its filters; HTMX requests get only the list, everyone else the page."""
    filters = QuestionFilters.of(kind, topic, lp, difficulty, q, company)
    context = {
        "questions": filters.apply(bank),
        "filters": filters,
        "bank": bank,
        "snippets": filters.snippets(bank),
    }
    headers = {"Vary": "HX-Request"}
    if is_htmx_partial(request):
        return templates.TemplateResponse(
            request, "partials/question_list.html", context, headers=headers
        )
    context.update(
        kinds=QUESTION_KINDS,
        topics=bank.topics(),
        principles=list(bank.principles.values()),
        companies=sorted(bank.companies.values(), key=lambda c: c.name),
        difficulties=DIFFICULTIES,
    )
    return templates.TemplateResponse(request, "questions.html", context, headers=headers)


@router.get("/questions/{question_id}")
def question_page(
    question_id: str,
    request: Request,
    bank: BankDep,
    templates: TemplatesDep,
    user: CurrentUserDep,
) -> Response:
    """One question: prompt, guidance, an answer box with Grade, the model answer behind a
    toggle, follow-ups and the candidate's previous attempts."""
    question = bank.questions.get(question_id)
    if question is None:
        return question_not_found(request, templates, question_id)
    return render_question(request, templates, bank, question, user.id)


def question_not_found(request: Request, templates: Jinja2Templates, question_id: str) -> Response:
    """The 404 page of a question id that is not in the bank."""
    return render_error(
        request,
        templates,
        404,
        "Question not found",
        f"There is no question with the id “{question_id}”. It may have been renamed; "
        "search the question bank for it.",
        [("/questions", "Search the question bank"), ("/", "Go to the home page")],
    )


def render_question(
    request: Request,
    templates: Jinja2Templates,
    bank: Bank,
    question: Question,
    user_id: int,
    *,
    grading: GradedAnswer | None = None,
    grade_error: str | None = None,
    draft: str = "",
    status_code: int = 200,
) -> Response:
    """The question page, with a graded answer (or why grading failed) when there is one."""
    related = [bank.questions[r] for r in question.related if r in bank.questions]
    answers: AnswerService | None = getattr(request.app.state, "answers", None)
    attempts = []
    if question.is_free_text and answers is not None:
        attempts = [AttemptSummary.of(a) for a in answers.attempts(user_id, question.id)]
    response: Response = templates.TemplateResponse(
        request,
        "question.html",
        {
            "question": question,
            "related": related,
            "bank": bank,
            "grading": grading,
            "grade_error": grade_error,
            "draft": draft,
            "attempts": attempts,
            # The shown answer's number among the attempts at this question (1 = the first).
            "attempt_number": attempt_numbers(attempts).get(grading.answer_id) if grading else None,
            "answered": key_revealed(request, user_id, question, attempts),
        },
        status_code=status_code,
    )
    return response
