"""The experiences journal's pages (``/experiences``): list, record, show, edit and delete
entries, and make a recorded question a practice question.

Plain HTML forms posted to the server (post/redirect/get), so every page works without
JavaScript; like every state-changing request, the posts are refused when another site's page
sends them (``web.security.RequestGuard``). Entries are the local user's only.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from barraiser.content.drafts import ASKED_KINDS, can_draft
from barraiser.journal import (
    OUTCOME_LABELS,
    OUTCOMES,
    DraftRefused,
    EntryInvalid,
    EntryNotFound,
    EntryOut,
    Journal,
    parse_entry,
)
from barraiser.journal.entries import KIND_LABELS, MAX_NOTE_CHARS, MAX_QUESTION_CHARS
from barraiser.journal.sharing import HOSTED_DRAFTS_REFUSED
from barraiser.store import utcnow
from barraiser.web.deps import (
    BankDep,
    CurrentUserDep,
    FormFieldsDep,
    JournalDep,
    SettingsDep,
    TemplatesDep,
    is_row_id,
)
from barraiser.web.experience_form import EntryForm, read_form
from barraiser.web.routes.pages import render_error

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _not_found(request: Request, templates: Jinja2Templates, entry_id: int) -> Response:
    return render_error(
        request,
        templates,
        404,
        "Entry not found",
        f"You have no journal entry with id {entry_id}. Your entries are listed on the "
        "experiences page.",
        [("/experiences", "See your experiences"), ("/", "Go to the home page")],
    )


def _entry(journal: Journal, user_id: int, entry_id: int) -> EntryOut | None:
    if not is_row_id(entry_id):
        return None
    try:
        return journal.get(user_id, entry_id)
    except EntryNotFound:
        return None


def _render_form(
    request: Request,
    templates: Jinja2Templates,
    form: EntryForm,
    entry: EntryOut | None,
    status_code: int = 200,
) -> Response:
    action = f"/experiences/{entry.id}/edit" if entry else "/experiences"
    return templates.TemplateResponse(
        request,
        "experience_form.html",
        {
            "form": form,
            "entry": entry,
            "action": action,
            "outcomes": OUTCOMES,
            "outcome_labels": OUTCOME_LABELS,
            "kinds": ASKED_KINDS,
            "kind_labels": KIND_LABELS,
            "max_note_chars": MAX_NOTE_CHARS,
            "max_question_chars": MAX_QUESTION_CHARS,
        },
        status_code=status_code,
    )


@router.get("/experiences")
def experiences_page(
    request: Request, templates: TemplatesDep, journal: JournalDep, user: CurrentUserDep
) -> Response:
    """Your recorded interviews, newest first."""
    return templates.TemplateResponse(
        request,
        "experiences.html",
        {"entries": journal.list(user.id), "outcome_labels": OUTCOME_LABELS},
    )


@router.get("/experiences/new")
def new_entry_page(request: Request, templates: TemplatesDep) -> Response:
    """The form to record an interview."""
    return _render_form(request, templates, EntryForm.blank(utcnow().date().isoformat()), None)


@router.post("/experiences")
def create_entry(
    request: Request,
    templates: TemplatesDep,
    journal: JournalDep,
    user: CurrentUserDep,
    fields: FormFieldsDep,
) -> Response:
    """Save a new entry, then show it; a bad form comes back with what to fix."""
    form, raw = read_form(fields)
    try:
        data = parse_entry(raw, utcnow().date())
    except EntryInvalid as exc:
        form.problems = exc.problems
        return _render_form(request, templates, form, None, status_code=400)
    entry = journal.create(user.id, data)
    return RedirectResponse(f"/experiences/{entry.id}?saved=1", status_code=303)


@router.get("/experiences/{entry_id}")
def entry_page(
    entry_id: int,
    request: Request,
    templates: TemplatesDep,
    journal: JournalDep,
    user: CurrentUserDep,
    bank: BankDep,
) -> Response:
    """One entry: its rounds, the questions asked, and their practice questions."""
    entry = _entry(journal, user.id, entry_id)
    if entry is None:
        return _not_found(request, templates, entry_id)
    return templates.TemplateResponse(
        request,
        "experience.html",
        {
            "entry": entry,
            "bank": bank,
            "outcome_labels": OUTCOME_LABELS,
            "kind_labels": KIND_LABELS,
            "can_draft": can_draft,
            "saved": request.query_params.get("saved") == "1",
        },
    )


@router.get("/experiences/{entry_id}/edit")
def edit_entry_page(
    entry_id: int,
    request: Request,
    templates: TemplatesDep,
    journal: JournalDep,
    user: CurrentUserDep,
) -> Response:
    """The form filled with an entry, to change it."""
    entry = _entry(journal, user.id, entry_id)
    if entry is None:
        return _not_found(request, templates, entry_id)
    return _render_form(request, templates, EntryForm.of(entry), entry)


@router.post("/experiences/{entry_id}/edit")
def update_entry(
    entry_id: int,
    request: Request,
    templates: TemplatesDep,
    journal: JournalDep,
    user: CurrentUserDep,
    fields: FormFieldsDep,
) -> Response:
    """Save the changed entry, then show it."""
    entry = _entry(journal, user.id, entry_id)
    if entry is None:
        return _not_found(request, templates, entry_id)
    form, raw = read_form(fields)
    try:
        journal.update(user.id, entry_id, parse_entry(raw, utcnow().date()))
    except EntryInvalid as exc:
        form.problems = exc.problems
        return _render_form(request, templates, form, entry, status_code=400)
    return RedirectResponse(f"/experiences/{entry_id}?saved=1", status_code=303)


@router.post("/experiences/{entry_id}/delete")
def delete_entry(
    entry_id: int,
    request: Request,
    templates: TemplatesDep,
    journal: JournalDep,
    user: CurrentUserDep,
) -> Response:
    """Delete the entry (draft questions made from it stay), then list the others."""
    if _entry(journal, user.id, entry_id) is None:
        return _not_found(request, templates, entry_id)
    journal.delete(user.id, entry_id)
    return RedirectResponse("/experiences", status_code=303)


@router.post("/experiences/{entry_id}/questions/{question_id}/practice")
def make_practice_question(
    entry_id: int,
    question_id: int,
    request: Request,
    templates: TemplatesDep,
    journal: JournalDep,
    user: CurrentUserDep,
    bank: BankDep,
    settings: SettingsDep,
) -> Response:
    """Write a draft question of a recorded question into your content folder (once), then
    open it in the question bank."""
    if _entry(journal, user.id, entry_id) is None or not is_row_id(question_id):
        return _not_found(request, templates, entry_id)
    if settings.hosted:
        return render_error(
            request,
            templates,
            409,
            "Not on a hosted barraiser",
            HOSTED_DRAFTS_REFUSED,
            [(f"/experiences/{entry_id}", "Back to the entry")],
        )
    try:
        made = journal.practice_question(
            user.id, entry_id, question_id, bank, settings.user_content_dir
        )
    except EntryNotFound as exc:
        return render_error(
            request,
            templates,
            404,
            "Question not found",
            str(exc),
            [(f"/experiences/{entry_id}", "Back to the entry")],
        )
    except DraftRefused as exc:
        return render_error(
            request,
            templates,
            409,
            "Not a practice question",
            str(exc),
            [
                ("/problems", "See the coding problems"),
                (f"/experiences/{entry_id}", "Back to the entry"),
            ],
        )
    return RedirectResponse(f"/questions/{made.question_id}", status_code=303)
