"""The debrief page of a finished session and its two exports (self-contained HTML and JSON).

The page and the HTML file show the same body (``barraiser.interview.report``), so they never
drift apart.  While a verdict is still being judged a small notice on the page asks every few
seconds (htmx) whether the debrief is ready and reloads the page once it is; without JavaScript
it offers a "Reload now" link.  Only the notice polls, so scroll position and focus stay put.
"""

from __future__ import annotations

import re

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.responses import Response

from barraiser.interview.engine import InterviewError, InterviewService
from barraiser.interview.models import Debrief
from barraiser.interview.report import report_body, report_css, report_html, report_json
from barraiser.web.deps import BankDep, CurrentUserDep, InterviewsDep, TemplatesDep
from barraiser.web.routes.pages import render_error

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

#: Seconds between two checks of a debrief whose verdicts are still being judged.
POLL_S = 3

_LINKS = [("/sessions", "See your sessions"), ("/", "Go to the home page")]


def _attachment(session_id: str, suffix: str) -> dict[str, str]:
    """The header that makes the browser save the file, under a name built from the id."""
    # Session ids are hex, but the name goes into a header: keep only safe characters anyway.
    safe = re.sub(r"[^A-Za-z0-9_-]", "", session_id)[:64] or "session"
    return {"Content-Disposition": f'attachment; filename="barraiser-report-{safe}.{suffix}"'}


def _debrief(
    interviews: InterviewService, user_id: int, session_id: str
) -> Debrief | InterviewError:
    try:
        return interviews.debrief(user_id, session_id)
    except InterviewError as exc:
        return exc


def _page_error(request: Request, templates: TemplatesDep, exc: InterviewError) -> Response:
    heading = "The debrief is not ready" if exc.status_code == 409 else "No debrief here"
    return render_error(request, templates, exc.status_code, heading, exc.message, _LINKS)


@router.get("/sessions/{session_id}/debrief")
def debrief_page(
    session_id: str,
    request: Request,
    bank: BankDep,
    templates: TemplatesDep,
    interviews: InterviewsDep,
    user: CurrentUserDep,
) -> Response:
    """The debrief: decision, rounds, charts, moments, study plan and every scorecard."""
    debrief = _debrief(interviews, user.id, session_id)
    if isinstance(debrief, InterviewError):
        return _page_error(request, templates, debrief)
    response: Response = templates.TemplateResponse(
        request,
        "debrief.html",
        {
            "debrief": debrief,
            "report": report_body(debrief, bank),
            "report_css": report_css(),
            "html_url": f"/sessions/{session_id}/report.html",
            "json_url": f"/sessions/{session_id}/report.json",
            "page_url": f"/sessions/{session_id}/debrief",
            "poll_s": POLL_S,
        },
    )
    return response


@router.get("/sessions/{session_id}/debrief/pending")
def debrief_pending(session_id: str, interviews: InterviewsDep, user: CurrentUserDep) -> Response:
    """The pending notice's check: 204 (nothing to swap) while a verdict is being judged, else
    an ``HX-Refresh`` that reloads the page, which then shows the debrief (or its error)."""
    debrief = _debrief(interviews, user.id, session_id)
    if isinstance(debrief, Debrief) and debrief.pending:
        return Response(status_code=204)
    return Response(status_code=200, headers={"HX-Refresh": "true"})


@router.get("/sessions/{session_id}/report.html")
def report_html_file(
    session_id: str,
    request: Request,
    bank: BankDep,
    templates: TemplatesDep,
    interviews: InterviewsDep,
    user: CurrentUserDep,
) -> Response:
    """The report as one self-contained HTML file, downloaded."""
    debrief = _debrief(interviews, user.id, session_id)
    if isinstance(debrief, InterviewError):
        return _page_error(request, templates, debrief)
    return HTMLResponse(
        report_html(debrief, bank),
        headers=_attachment(session_id, "html"),
    )


@router.get("/sessions/{session_id}/report.json")
def report_json_file(session_id: str, interviews: InterviewsDep, user: CurrentUserDep) -> Response:
    """The debrief as JSON (every field of the Debrief model), downloaded."""
    debrief = _debrief(interviews, user.id, session_id)
    if isinstance(debrief, InterviewError):
        return JSONResponse({"detail": debrief.message}, status_code=debrief.status_code)
    return Response(
        report_json(debrief),
        media_type="application/json",
        headers=_attachment(session_id, "json"),
    )
