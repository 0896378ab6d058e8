"""The mock loop in the browser: start a session, the history, the round page and its forms.

Every form works without JavaScript (post/redirect/get back to ``/sessions/{id}``); with htmx
the answer form swaps in the interviewer's follow-up without a page reload.  Engine errors
become the error page, or an inline message for htmx, and the typed answer is always shown
again.  Routes are plain ``def``: grading is CPU work, run in FastAPI's threadpool.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Literal

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from barraiser.content.loader import Bank
from barraiser.interview.engine import InterviewError, InterviewService
from barraiser.interview.models import SessionView
from barraiser.web.deps import BankDep, CurrentUserDep, InterviewsDep, TemplatesDep
from barraiser.web.routes.pages import DEFAULT_LOOP_ID, is_htmx_partial, render_error
from barraiser.web.routes.session_api import session_url
from barraiser.web.session_view import HELPERS, Services, next_context, round_context

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

Field = Literal["answer", "follow-up", "code", "approach"]
#: The htmx event (``HX-Trigger`` header) of an answer the server has saved.
SAVED_EVENT = "answer-saved"
_HISTORY_LINKS = [("/sessions", "See your sessions"), ("/", "Go to the home page")]


# -- starting ------------------------------------------------------------------------------------


def _start(request: Request, templates: Jinja2Templates, action: Callable[[], str]) -> Response:
    try:
        session_id = action()
    except InterviewError as exc:
        return render_error(
            request,
            templates,
            exc.status_code,
            "The session could not start",
            exc.message,
            [("/loops", "See all loops"), ("/", "Go to the home page")],
        )
    return RedirectResponse(session_url(session_id), status_code=303)


@router.post("/loops/{loop_id}/start")
def start_loop(
    loop_id: str,
    request: Request,
    templates: TemplatesDep,
    user: CurrentUserDep,
    service: InterviewsDep,
) -> Response:
    """Start the whole loop; the first round waits for its Start button."""
    return _start(request, templates, lambda: service.start_loop(user.id, loop_id))


@router.post("/practice/questions/{item_id}")
def practise_question(
    item_id: str,
    request: Request,
    templates: TemplatesDep,
    user: CurrentUserDep,
    service: InterviewsDep,
) -> Response:
    """Practise one question (or ``problem:<id>``) with feedback after each answer."""
    return _start(request, templates, lambda: service.start_practice(user.id, item_id=item_id))


@router.post("/practice/rounds/{loop_id}/{round_id}")
def practise_round(
    loop_id: str,
    round_id: str,
    request: Request,
    templates: TemplatesDep,
    user: CurrentUserDep,
    service: InterviewsDep,
) -> Response:
    """Practise one round of a loop, with feedback after each answer and no hiring decision."""
    return _start(
        request,
        templates,
        lambda: service.start_practice(user.id, loop_id=loop_id, round_id=round_id),
    )


# -- history -------------------------------------------------------------------------------------


@router.get("/sessions")
def sessions_page(
    request: Request,
    bank: BankDep,
    templates: TemplatesDep,
    user: CurrentUserDep,
    service: InterviewsDep,
) -> Response:
    """Your sessions: active ones first (Resume), then finished, then abandoned."""
    summaries = service.list_sessions(user.id)
    groups = {
        state: [s for s in summaries if s.status == state]
        for state in ("active", "finished", "abandoned")
    }
    main_loop = bank.loops.get(DEFAULT_LOOP_ID) or next(iter(bank.loops.values()), None)
    return templates.TemplateResponse(
        request,
        "sessions.html",
        {
            "active": groups["active"],
            "finished": groups["finished"],
            "abandoned": groups["abandoned"],
            "quick_loop": bank.loops.get("quick"),
            "main_loop": main_loop,
            **HELPERS,
        },
    )


# -- the session page ----------------------------------------------------------------------------


@router.get("/sessions/{session_id}")
def session_page(
    session_id: str,
    request: Request,
    bank: BankDep,
    templates: TemplatesDep,
    user: CurrentUserDep,
    service: InterviewsDep,
    item: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    """Between rounds the next round's card; during a round the round page; at the end the
    debrief.  Opening the round page counts as the candidate being there (a heartbeat)."""
    try:
        view = service.view(user.id, session_id)
        if view.active_round() is not None:
            view = service.heartbeat(user.id, session_id)
    except InterviewError as exc:
        return _engine_error(request, templates, exc)
    return _render_session(request, templates, bank, service, user.id, view, item_id=item)


def _render_session(
    request: Request,
    templates: Jinja2Templates,
    bank: Bank,
    service: InterviewService,
    user_id: int,
    view: SessionView,
    *,
    item_id: str | None = None,
    drafts: dict[str, str] | None = None,
    error: str | None = None,
    status_code: int = 200,
    partial: bool = False,
) -> Response:
    """The page for where the session is: next round, round page (or its body), or debrief."""
    if view.status == "finished" or (
        view.rounds and all(r.status == "finished" for r in view.rounds)
    ):
        return RedirectResponse(f"{session_url(view.id)}/debrief", status_code=303)
    current = view.active_round()
    if current is None or view.status == "abandoned":
        return templates.TemplateResponse(
            request,
            "session_next.html",
            next_context(bank, view),
            status_code=status_code,
        )
    context = round_context(bank, _services(request), user_id, view, current, item_id, drafts or {})
    context.update(drafts=drafts or {}, error=error)
    name = "partials/session_round_body.html" if partial else "session.html"
    response: Response = templates.TemplateResponse(request, name, context, status_code=status_code)
    return response


def _services(request: Request) -> Services:
    # Read from the app state, not dependencies: the page still shows while one is starting.
    state = request.app.state
    return Services(
        answers=getattr(state, "answers", None),
        submissions=getattr(state, "submissions", None),
    )


# -- round actions -------------------------------------------------------------------------------


@router.post("/sessions/{session_id}/rounds/start")
def start_round(
    session_id: str,
    request: Request,
    templates: TemplatesDep,
    user: CurrentUserDep,
    service: InterviewsDep,
) -> Response:
    """Start the next round; its clock starts now."""
    return _redirect_after(
        request,
        templates,
        lambda: service.start_round(user.id, session_id),
        session_url(session_id),
    )


@router.post("/sessions/{session_id}/rounds/finish")
def finish_round(
    session_id: str,
    request: Request,
    templates: TemplatesDep,
    user: CurrentUserDep,
    service: InterviewsDep,
) -> Response:
    """End the active round early (the page asks to confirm first)."""
    return _redirect_after(
        request,
        templates,
        lambda: service.finish_round(user.id, session_id),
        session_url(session_id),
    )


@router.post("/sessions/{session_id}/abandon")
def abandon(
    session_id: str,
    request: Request,
    templates: TemplatesDep,
    user: CurrentUserDep,
    service: InterviewsDep,
) -> Response:
    """Leave the session for good; it stays in the history as abandoned."""
    return _redirect_after(
        request, templates, lambda: service.abandon(user.id, session_id), "/sessions"
    )


def _redirect_after(
    request: Request, templates: Jinja2Templates, action: Callable[[], object], target: str
) -> Response:
    """Do a round or session action, then go to ``target`` (post/redirect/get)."""
    try:
        action()
    except InterviewError as exc:
        return _engine_error(request, templates, exc)
    return RedirectResponse(target, status_code=303)


# -- item actions --------------------------------------------------------------------------------


@router.post("/sessions/{session_id}/items/{item_id}/answer")
def answer_form(
    session_id: str,
    item_id: str,
    request: Request,
    bank: BankDep,
    templates: TemplatesDep,
    user: CurrentUserDep,
    service: InterviewsDep,
    text: Annotated[str | None, Form()] = None,
) -> Response:
    """Save and grade the answer; the interviewer's follow-up comes next on the same item."""
    try:
        outcome = service.answer(user.id, session_id, item_id, text or "")
    except InterviewError as exc:
        return _form_error(
            request, templates, bank, service, user.id, session_id, item_id, "answer", text, exc
        )
    return _after(request, templates, bank, service, user.id, session_id, item_id,
                  outcome.round_finished, stay=True)  # fmt: skip


@router.post("/sessions/{session_id}/items/{item_id}/follow-up")
def follow_up_form(
    session_id: str,
    item_id: str,
    request: Request,
    bank: BankDep,
    templates: TemplatesDep,
    user: CurrentUserDep,
    service: InterviewsDep,
    text: Annotated[str | None, Form()] = None,
) -> Response:
    """Save the follow-up's answer; the item is done and the next one comes (in practice mode,
    where the engine returns the grade, the grade is shown first)."""
    try:
        outcome = service.answer_follow_up(user.id, session_id, item_id, text or "")
    except InterviewError as exc:
        return _form_error(
            request, templates, bank, service, user.id, session_id, item_id, "follow-up", text, exc
        )
    return _after(request, templates, bank, service, user.id, session_id, item_id,
                  outcome.round_finished, stay=outcome.grade is not None)  # fmt: skip


@router.post("/sessions/{session_id}/items/{item_id}/approach")
def approach_form(
    session_id: str,
    item_id: str,
    request: Request,
    bank: BankDep,
    templates: TemplatesDep,
    user: CurrentUserDep,
    service: InterviewsDep,
    text: Annotated[str | None, Form()] = None,
) -> Response:
    """Save (then grade) the explanation of an accepted solution; back to the coding item."""
    try:
        service.answer_approach(user.id, session_id, item_id, text or "")
    except InterviewError as exc:
        return _form_error(
            request, templates, bank, service, user.id, session_id, item_id, "approach", text, exc
        )
    return RedirectResponse(f"{session_url(session_id)}?item={item_id}#approach", status_code=303)


@router.post("/sessions/{session_id}/items/{item_id}/skip")
def skip_form(
    session_id: str,
    item_id: str,
    request: Request,
    bank: BankDep,
    templates: TemplatesDep,
    user: CurrentUserDep,
    service: InterviewsDep,
) -> Response:
    """Move on without answering, without the follow-up, or done with a coding problem."""
    try:
        view = service.skip(user.id, session_id, item_id)
    except InterviewError as exc:
        return _form_error(
            request, templates, bank, service, user.id, session_id, item_id, None, None, exc
        )
    finished = view.active_round() is None
    return _after(request, templates, bank, service, user.id, session_id, item_id, finished,
                  stay=False)  # fmt: skip


@router.post("/sessions/{session_id}/items/{item_id}/code")
def code_form(
    session_id: str,
    item_id: str,
    request: Request,
    bank: BankDep,
    templates: TemplatesDep,
    user: CurrentUserDep,
    service: InterviewsDep,
    language: Annotated[str, Form(max_length=32)] = "python",
    source: Annotated[str | None, Form()] = None,
    mode: Annotated[str, Form(max_length=16)] = "run",
) -> Response:
    """Run code on the samples or submit it, without JavaScript; the round page then lists it
    with its verdict (a reload shows the verdict once the judge has finished)."""
    try:
        if mode not in ("run", "submit"):
            raise InterviewError("Press Run samples or Submit to send your code.", 400)
        service.submit_code(user.id, session_id, item_id, language, source or "", mode)
    except InterviewError as exc:
        drafts = {"language": language}
        return _form_error(request, templates, bank, service, user.id, session_id, item_id,
                           "code", source, exc, drafts)  # fmt: skip
    return RedirectResponse(f"{session_url(session_id)}?item={item_id}", status_code=303)


def _after(
    request: Request,
    templates: Jinja2Templates,
    bank: Bank,
    service: InterviewService,
    user_id: int,
    session_id: str,
    item_id: str,
    round_finished: bool,
    *,
    stay: bool,
) -> Response:
    """Where a form goes next: the same item (follow-up or grade) or the session's next step.

    htmx swaps the round's body in place only when it stays on the same free-text item; any
    other move reloads the page (a coding item needs its editor set up from scratch).
    """
    target = session_url(session_id)
    if stay and not round_finished:
        target += f"?item={item_id}"
    if not is_htmx_partial(request):
        return RedirectResponse(target, status_code=303)
    # The marker tells static/session.js that the server has the text: only then is the
    # browser's draft forgotten (errors are swapped in with status 200 too).
    saved = {"HX-Trigger": SAVED_EVENT}
    if round_finished or not stay:
        return Response(status_code=200, headers={"HX-Redirect": target, **saved})
    try:
        view = service.view(user_id, session_id)
    except InterviewError as exc:
        response = _inline_error(request, templates, exc.message)
    else:
        response = _render_session(
            request, templates, bank, service, user_id, view, item_id=item_id, partial=True
        )
    response.headers.update(saved)
    return response


# -- errors --------------------------------------------------------------------------------------


def _engine_error(request: Request, templates: Jinja2Templates, exc: InterviewError) -> Response:
    heading = {404: "Session not found", 409: "Not now"}.get(exc.status_code, "That did not work")
    return render_error(request, templates, exc.status_code, heading, exc.message, _HISTORY_LINKS)


def _inline_error(request: Request, templates: Jinja2Templates, message: str) -> Response:
    # htmx does not swap error responses: answer 200 with the message in the round's body.
    return templates.TemplateResponse(
        request, "partials/session_inline_error.html", {"message": message}
    )


def _form_error(
    request: Request,
    templates: Jinja2Templates,
    bank: Bank,
    service: InterviewService,
    user_id: int,
    session_id: str,
    item_id: str,
    field: Field | None,
    text: str | None,
    exc: InterviewError,
    extra: dict[str, str] | None = None,
) -> Response:
    """The round page again with the message and the typed text; if the round is gone, the
    text is shown on an error page so that it can be copied."""
    htmx = is_htmx_partial(request)
    drafts: dict[str, str] = {field: text} if field and text else {}
    drafts.update(extra or {})
    try:
        view = service.view(user_id, session_id)
    except InterviewError:
        view = None
    current = view.active_round() if view is not None else None
    if view is None or current is None or all(i.id != item_id for i in current.items):
        context = {
            "status_code": exc.status_code,
            "message": exc.message,
            "draft": text or "",
            "session_id": session_id if view is not None else None,
        }
        if htmx:
            return templates.TemplateResponse(
                request, "partials/session_inline_error.html", context
            )
        return templates.TemplateResponse(
            request, "session_error.html", context, status_code=exc.status_code
        )
    return _render_session(
        request,
        templates,
        bank,
        service,
        user_id,
        view,
        item_id=item_id,
        drafts=drafts,
        error=exc.message,
        status_code=200 if htmx else exc.status_code,
        partial=htmx,
    )
