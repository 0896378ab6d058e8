"""Shared journal entries (hosted mode): share or stop sharing your entry, read the entries
other members shared, report one to the coaches, and (coaches and admins) see the reports and
hide an entry from everyone. Pages under ``/experiences/shared`` and ``/experiences/reports``,
JSON under ``/api/experiences/shared`` and ``/api/experiences/reports``.

On a local install nothing is shared: the pages say so and the API answers 409. These routes
are mounted before the journal's own, so ``/experiences/shared`` is not read as an entry id.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.responses import Response

from barraiser.accounts import Account
from barraiser.journal import OUTCOME_LABELS, EntryNotFound, EntryOut
from barraiser.journal.entries import KIND_LABELS
from barraiser.journal.sharing import (
    MAX_REASON_CHARS,
    ReportOut,
    SharedEntryOut,
    Sharing,
    SharingRefused,
)
from barraiser.web.deps import (
    CurrentAccountDep,
    CurrentUserDep,
    FormFieldsDep,
    JournalDep,
    SettingsDep,
    TemplatesDep,
    is_row_id,
)
from barraiser.web.routes.pages import render_error

pages = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
api = APIRouter(prefix="/api/experiences", tags=["experiences"])

COACH_ROLES = frozenset({"coach", "admin"})
T = TypeVar("T")
_MISSING: dict[int | str, dict[str, Any]] = {404: {"description": "No such shared entry."}}


class ShareIn(BaseModel):
    shared: bool = Field(description="True: every member can read it; false: private again.")


class ReportIn(BaseModel):
    reason: str = Field(description=f"What is wrong, at most {MAX_REASON_CHARS} characters.")


def _sharing(journal: Any, settings: Any) -> Sharing:
    return Sharing(journal, hosted=settings.hosted)


def _is_coach(account: Account | None) -> bool:
    return account is not None and account.role in COACH_ROLES


def _refused(exc: SharingRefused) -> HTTPException:
    return HTTPException(exc.status_code, exc.message)


def _answered(entry_id: int, action: Callable[[], T]) -> T:
    """Run an API action on an entry id: an impossible or unknown id is 404, a refusal its
    own status, each with the sentence that says why."""
    try:
        if not is_row_id(entry_id):
            raise EntryNotFound(f"No journal entry has the id {entry_id}.")
        return action()
    except EntryNotFound as exc:
        raise HTTPException(404, str(exc)) from None
    except SharingRefused as exc:
        raise _refused(exc) from None


# -- JSON API -----------------------------------------------------------------------------------


@api.get("/shared", response_model=list[SharedEntryOut])
def list_shared_api(
    journal: JournalDep, settings: SettingsDep, user: CurrentUserDep
) -> list[SharedEntryOut]:
    """Entries other members shared, newest interview first (empty on a local install)."""
    return _sharing(journal, settings).list_shared(user.id)


@api.get("/shared/{entry_id}", response_model=SharedEntryOut, responses=_MISSING)
def get_shared_api(
    entry_id: int, journal: JournalDep, settings: SettingsDep, user: CurrentUserDep
) -> SharedEntryOut:
    """One shared entry."""
    return _answered(entry_id, lambda: _sharing(journal, settings).get_shared(entry_id))


@api.post("/shared/{entry_id}/report", status_code=204, responses=_MISSING)
def report_api(
    entry_id: int,
    body: ReportIn,
    journal: JournalDep,
    settings: SettingsDep,
    user: CurrentUserDep,
) -> Response:
    """Report a shared entry to the coaches."""
    sharing = _sharing(journal, settings)
    _answered(entry_id, lambda: sharing.report(user.id, entry_id, body.reason))
    return Response(status_code=204)


@api.get("/reports", response_model=list[ReportOut])
def reports_api(
    journal: JournalDep, settings: SettingsDep, account: CurrentAccountDep
) -> list[ReportOut]:
    """Reported shared entries (coaches and admins only)."""
    if not _is_coach(account):
        raise HTTPException(403, "Only coaches and admins see the reports.")
    try:
        return _sharing(journal, settings).reports()
    except SharingRefused as exc:
        raise _refused(exc) from None


@api.post("/reports/{entry_id}/hide", status_code=204, responses=_MISSING)
def hide_api(
    entry_id: int, journal: JournalDep, settings: SettingsDep, account: CurrentAccountDep
) -> Response:
    """Hide a shared entry from everyone (coaches and admins only); its author keeps it."""
    if not _is_coach(account):
        raise HTTPException(403, "Only coaches and admins can hide a shared entry.")
    _answered(entry_id, lambda: _sharing(journal, settings).hide(entry_id))
    return Response(status_code=204)


@api.put("/{entry_id}/shared", response_model=EntryOut, responses=_MISSING)
def share_api(
    entry_id: int,
    body: ShareIn,
    journal: JournalDep,
    settings: SettingsDep,
    user: CurrentUserDep,
) -> EntryOut:
    """Share one of your entries with every member, or make it private again."""
    sharing = _sharing(journal, settings)
    return _answered(entry_id, lambda: sharing.set_shared(user.id, entry_id, body.shared))


# -- pages --------------------------------------------------------------------------------------


def _no_entry(request: Request, templates: Jinja2Templates, entry_id: int) -> Response:
    return render_error(
        request,
        templates,
        404,
        "Entry not found",
        f"There is no shared entry with id {entry_id}: it may have been made private again.",
        [("/experiences/shared", "Shared entries"), ("/experiences", "Your experiences")],
    )


def _not_coach(request: Request, templates: Jinja2Templates) -> Response:
    return render_error(
        request,
        templates,
        403,
        "For coaches",
        "Only coaches and admins see reported entries.",
        [("/experiences/shared", "Shared entries"), ("/experiences", "Your experiences")],
    )


@pages.get("/experiences/shared")
def shared_page(
    request: Request,
    templates: TemplatesDep,
    journal: JournalDep,
    settings: SettingsDep,
    user: CurrentUserDep,
    account: CurrentAccountDep,
) -> Response:
    """Entries other members shared (a sentence on a local install, where nothing is)."""
    entries = _sharing(journal, settings).list_shared(user.id)
    context = {
        "entries": entries,
        "hosted": settings.hosted,
        "is_coach": _is_coach(account),
        "outcome_labels": OUTCOME_LABELS,
    }
    return templates.TemplateResponse(request, "experiences_shared.html", context)


@pages.get("/experiences/shared/{entry_id}")
def shared_entry_page(
    entry_id: int,
    request: Request,
    templates: TemplatesDep,
    journal: JournalDep,
    settings: SettingsDep,
) -> Response:
    """One shared entry, read-only, with the report form."""
    try:
        if not is_row_id(entry_id):
            raise EntryNotFound("")
        entry = _sharing(journal, settings).get_shared(entry_id)
    except (EntryNotFound, SharingRefused):
        return _no_entry(request, templates, entry_id)
    return _render_shared(request, templates, entry)


def _render_shared(
    request: Request,
    templates: Jinja2Templates,
    entry: SharedEntryOut,
    error: str = "",
    reason: str = "",
    status_code: int = 200,
) -> Response:
    context = {
        "entry": entry,
        "outcome_labels": OUTCOME_LABELS,
        "kind_labels": KIND_LABELS,
        "error": error,
        "reason": reason,
        "reported": request.query_params.get("reported") == "1",
        "max_reason_chars": MAX_REASON_CHARS,
    }
    return templates.TemplateResponse(
        request, "experience_shared.html", context, status_code=status_code
    )


@pages.post("/experiences/shared/{entry_id}/report")
def report_page(
    entry_id: int,
    request: Request,
    templates: TemplatesDep,
    journal: JournalDep,
    settings: SettingsDep,
    user: CurrentUserDep,
    form: FormFieldsDep,
) -> Response:
    """Report a shared entry; a missing reason is asked for again, next to the field."""
    sharing = _sharing(journal, settings)
    reason = form.get("reason", "")
    try:
        if not is_row_id(entry_id):
            raise EntryNotFound("")
        sharing.report(user.id, entry_id, reason)
    except EntryNotFound:
        return _no_entry(request, templates, entry_id)
    except SharingRefused as exc:
        try:
            entry = sharing.get_shared(entry_id)
        except (EntryNotFound, SharingRefused):
            return _no_entry(request, templates, entry_id)
        return _render_shared(
            request, templates, entry, exc.message, reason[:MAX_REASON_CHARS], exc.status_code
        )
    return RedirectResponse(f"/experiences/shared/{entry_id}?reported=1", status_code=303)


@pages.get("/experiences/reports")
def reports_page(
    request: Request,
    templates: TemplatesDep,
    journal: JournalDep,
    settings: SettingsDep,
    account: CurrentAccountDep,
) -> Response:
    """Reported shared entries, for coaches and admins."""
    if not _is_coach(account):
        return _not_coach(request, templates)
    reports = _sharing(journal, settings).reports()
    return templates.TemplateResponse(
        request,
        "experiences_reports.html",
        {"reports": reports, "hidden": request.query_params.get("hidden") == "1"},
    )


@pages.post("/experiences/reports/{entry_id}/hide")
def hide_page(
    entry_id: int,
    request: Request,
    templates: TemplatesDep,
    journal: JournalDep,
    settings: SettingsDep,
    account: CurrentAccountDep,
) -> Response:
    """Hide a reported entry from everyone."""
    if not _is_coach(account):
        return _not_coach(request, templates)
    try:
        if not is_row_id(entry_id):
            raise EntryNotFound("")
        _sharing(journal, settings).hide(entry_id)
    except (EntryNotFound, SharingRefused):
        return _no_entry(request, templates, entry_id)
    return RedirectResponse("/experiences/reports?hidden=1", status_code=303)


@pages.post("/experiences/{entry_id}/share")
def share_page(
    entry_id: int,
    request: Request,
    templates: TemplatesDep,
    journal: JournalDep,
    settings: SettingsDep,
    user: CurrentUserDep,
    form: FormFieldsDep,
) -> Response:
    """Share your entry (``shared=1``) or make it private again (``shared=0``)."""
    try:
        if not is_row_id(entry_id):
            raise EntryNotFound("")
        _sharing(journal, settings).set_shared(user.id, entry_id, form.get("shared") == "1")
    except EntryNotFound:
        return render_error(
            request,
            templates,
            404,
            "Entry not found",
            f"You have no journal entry with id {entry_id}.",
            [("/experiences", "See your experiences")],
        )
    except SharingRefused as exc:
        return render_error(
            request,
            templates,
            exc.status_code,
            "Not shared",
            exc.message,
            [(f"/experiences/{entry_id}", "Back to the entry")],
        )
    return RedirectResponse(f"/experiences/{entry_id}?saved=1", status_code=303)
