"""Coaches (hosted mode): the candidates assigned to a coach (every account, for an admin), their
sessions, and each finished session's debrief, read only. ``/coach`` and
``/coach/sessions/{id}/debrief``; JSON at ``/api/coach/candidates`` and
``/api/coach/sessions/{id}/debrief``.

A session of someone the viewer does not coach is "not found", as any other account's is.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel
from sqlalchemy import select
from starlette.responses import Response

from barraiser.accounts import Account, Accounts
from barraiser.interview.engine import InterviewError, SessionSummary
from barraiser.interview.models import Debrief
from barraiser.interview.report import report_body, report_css
from barraiser.store.models import InterviewSession
from barraiser.web.deps import (
    BankDep,
    CurrentAccountDep,
    InterviewsDep,
    StoreDep,
    TemplatesDep,
)
from barraiser.web.routes.pages import render_error

pages = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
api = APIRouter(prefix="/api/coach", tags=["coach"])

_ONLY = (
    "Only coaches and admins have candidates (an admin gives you one with `barraiser users "
    "assign`)."
)
_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"description": "No session of a candidate you coach has that id."}
}


class CandidateOut(BaseModel):
    """A candidate the viewer coaches, with their sessions (newest first)."""

    username: str
    name: str
    sessions: list[SessionSummary]


def _accounts(request: Request) -> Accounts | None:
    accounts: Accounts | None = getattr(request.app.state, "accounts", None)
    return accounts


def _candidates(
    request: Request, account: Account | None, interviews: Any
) -> list[CandidateOut] | None:
    """None when the viewer coaches nobody by role (a candidate, or a local install)."""
    accounts = _accounts(request)
    if account is None or accounts is None or not account.coaches:
        return None
    return [
        CandidateOut(username=c.username, name=c.name, sessions=interviews.list_sessions(c.id))
        for c in accounts.candidates(account)
    ]


def _coached_debrief(
    request: Request,
    account: Account | None,
    store: Any,
    interviews: Any,
    session_id: str,
) -> Debrief | InterviewError:
    accounts = _accounts(request)
    missing = InterviewError(
        f"No session of a candidate you coach has the id {session_id!r}: /coach lists them.", 404
    )
    if account is None or accounts is None or not account.coaches or len(session_id) > 64:
        return missing
    with store.session() as session:
        owner = session.scalar(
            select(InterviewSession.user_id).where(InterviewSession.id == session_id)
        )
    if owner is None or not accounts.may_read(account, owner):
        return missing
    try:
        debrief: Debrief = interviews.debrief(owner, session_id)
    except InterviewError as exc:
        return exc
    return debrief


@api.get("/candidates")
def candidates_api(
    request: Request, account: CurrentAccountDep, interviews: InterviewsDep
) -> list[CandidateOut]:
    """The candidates you coach (every account, for an admin) with their sessions."""
    found = _candidates(request, account, interviews)
    if found is None:
        raise HTTPException(403, _ONLY)
    return found


@api.get("/sessions/{session_id}/debrief", responses=_NOT_FOUND)
def debrief_api(
    session_id: str,
    request: Request,
    account: CurrentAccountDep,
    store: StoreDep,
    interviews: InterviewsDep,
) -> Debrief:
    """A debrief of a candidate you coach, read only."""
    debrief = _coached_debrief(request, account, store, interviews, session_id)
    if isinstance(debrief, InterviewError):
        raise HTTPException(debrief.status_code, debrief.message)
    return debrief


@pages.get("/coach")
def coach_page(
    request: Request,
    templates: TemplatesDep,
    account: CurrentAccountDep,
    interviews: InterviewsDep,
) -> Response:
    """Your candidates and their sessions."""
    found = _candidates(request, account, interviews)
    if found is None:
        return render_error(request, templates, 403, "For coaches", _ONLY, [("/", "Home")])
    return templates.TemplateResponse(request, "coach.html", {"candidates": found})


@pages.get("/coach/sessions/{session_id}/debrief")
def coach_debrief_page(
    session_id: str,
    request: Request,
    bank: BankDep,
    templates: TemplatesDep,
    account: CurrentAccountDep,
    store: StoreDep,
    interviews: InterviewsDep,
) -> Response:
    """A candidate's debrief, read only."""
    debrief = _coached_debrief(request, account, store, interviews, session_id)
    if isinstance(debrief, InterviewError):
        return render_error(
            request,
            templates,
            debrief.status_code,
            "No debrief here",
            debrief.message,
            [("/coach", "Your candidates")],
        )
    context = {"debrief": debrief, "report": report_body(debrief, bank), "report_css": report_css()}
    return templates.TemplateResponse(request, "coach_debrief.html", context)
