"""The experiences journal's JSON API (``/api/experiences``): the local user's entries.

A bad entry is answered 422 with one sentence per problem in ``detail`` (``loc`` names the
field); nothing of it is saved.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, HTTPException
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.responses import Response

from barraiser.journal import DraftRefused, EntryInvalid, EntryNotFound, EntryOut, parse_entry
from barraiser.journal.sharing import HOSTED_DRAFTS_REFUSED
from barraiser.store import utcnow
from barraiser.web.deps import BankDep, CurrentUserDep, JournalDep, SettingsDep, is_row_id

router = APIRouter(prefix="/api/experiences", tags=["experiences"])

_INVALID: dict[int | str, dict[str, Any]] = {
    422: {"description": "The entry is not sound: `detail` lists what to fix."}
}
_MISSING: dict[int | str, dict[str, Any]] = {
    404: {"description": "You have no entry (or question) with that id."}
}


class RoundIn(BaseModel):
    title: str = Field(description="The round's kind or title, e.g. 'Phone screen'.")
    notes: str = ""


class AskedIn(BaseModel):
    text: str = Field(description="The question as it was asked.")
    kind: str = Field(
        default="other", description="coding, ml, system-design, behavioural or other."
    )
    round: int | None = Field(default=None, description="The 1-based number of its round.")
    id: int | None = Field(
        default=None, description="When editing: the stored question this row keeps."
    )


class EntryIn(BaseModel):
    """An interview to record (or the new content of one)."""

    company: str = Field(examples=["Amazon"])
    role: str = Field(examples=["ML engineer"])
    date: str = Field(description="The day of the interview, YYYY-MM-DD.", examples=["2026-11-30"])
    outcome: str | None = Field(
        default=None, description="offer, rejected, pending, withdrew or no-reply."
    )
    notes: str = ""
    rounds: list[RoundIn] = Field(default_factory=list)
    questions: list[AskedIn] = Field(default_factory=list)


class PracticeOut(BaseModel):
    """The draft practice question made from a recorded question."""

    question_id: str
    url: str = Field(description="Its page: GET it to answer it (answers are saved, not scored).")
    created: bool = Field(description="False when it had been made before.")
    draft: bool = True


def _invalid(exc: EntryInvalid) -> JSONResponse:
    detail = [
        {"loc": ["body", *p.field.replace("]", "").replace("[", ".").split(".")], "msg": p.message}
        for p in exc.problems
    ]
    return JSONResponse({"detail": detail}, status_code=422)


def _check_id(entry_id: int) -> None:
    if not is_row_id(entry_id):
        raise HTTPException(404, f"You have no journal entry with id {entry_id}.")


def _parse(body: EntryIn) -> Any:
    return parse_entry(body.model_dump(), utcnow().date())


@router.get("", response_model=list[EntryOut])
def list_entries(journal: JournalDep, user: CurrentUserDep) -> list[EntryOut]:
    """Your recorded interviews, newest first."""
    return journal.list(user.id)


@router.post("", response_model=EntryOut, status_code=201, responses=_INVALID)
def create_entry(journal: JournalDep, user: CurrentUserDep, body: EntryIn = Body()) -> Response:
    """Record an interview: saved before anything else is done with it."""
    try:
        data = _parse(body)
    except EntryInvalid as exc:
        return _invalid(exc)
    entry = journal.create(user.id, data)
    return JSONResponse(entry.model_dump(mode="json"), status_code=201)


@router.get("/{entry_id}", response_model=EntryOut, responses=_MISSING)
def get_entry(entry_id: int, journal: JournalDep, user: CurrentUserDep) -> EntryOut:
    """One of your entries."""
    _check_id(entry_id)
    try:
        return journal.get(user.id, entry_id)
    except EntryNotFound as exc:
        raise HTTPException(404, str(exc)) from None


@router.put("/{entry_id}", response_model=EntryOut, responses={**_INVALID, **_MISSING})
def update_entry(
    entry_id: int, journal: JournalDep, user: CurrentUserDep, body: EntryIn = Body()
) -> Response:
    """Replace an entry; give a question's `id` to keep it (and its practice question)."""
    _check_id(entry_id)
    try:
        entry = journal.update(user.id, entry_id, _parse(body))
    except EntryInvalid as exc:
        return _invalid(exc)
    except EntryNotFound as exc:
        raise HTTPException(404, str(exc)) from None
    return JSONResponse(entry.model_dump(mode="json"))


@router.delete("/{entry_id}", status_code=204, responses=_MISSING)
def delete_entry(entry_id: int, journal: JournalDep, user: CurrentUserDep) -> Response:
    """Delete an entry (draft questions made from it stay in your content folder)."""
    _check_id(entry_id)
    try:
        journal.delete(user.id, entry_id)
    except EntryNotFound as exc:
        raise HTTPException(404, str(exc)) from None
    return Response(status_code=204)


@router.post(
    "/{entry_id}/questions/{question_id}/practice",
    response_model=PracticeOut,
    responses={
        **_MISSING,
        409: {
            "description": "A coding question: it needs a judge problem with tests, so it cannot "
            "become a draft; `detail` says where to practise instead."
        },
    },
)
def make_practice_question(
    entry_id: int,
    question_id: int,
    journal: JournalDep,
    user: CurrentUserDep,
    bank: BankDep,
    settings: SettingsDep,
) -> PracticeOut:
    """Make a recorded question a practice question: a draft (no rubric yet) in your content
    folder, in the question bank at once. Coding questions are refused (409), and so is every
    question on a hosted instance (drafts would be everyone's)."""
    _check_id(entry_id)
    _check_id(question_id)
    if settings.hosted:
        raise HTTPException(409, HOSTED_DRAFTS_REFUSED)
    try:
        made = journal.practice_question(
            user.id, entry_id, question_id, bank, settings.user_content_dir
        )
    except EntryNotFound as exc:
        raise HTTPException(404, str(exc)) from None
    except DraftRefused as exc:
        raise HTTPException(409, str(exc)) from None
    return PracticeOut(
        question_id=made.question_id, url=f"/questions/{made.question_id}", created=made.created
    )
