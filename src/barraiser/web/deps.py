"""Typed dependencies for routes: settings, bank, templates, store, judge, answers, interviews
and the current user."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.templating import Jinja2Templates

from barraiser.accounts import Account
from barraiser.config import Settings
from barraiser.content.loader import Bank
from barraiser.interview.answers import AnswerService
from barraiser.interview.engine import InterviewService
from barraiser.interview.submissions import SubmissionService
from barraiser.journal import Journal
from barraiser.store import Store
from barraiser.stories import StoryBank

#: The largest id a row can have: ids are signed 64-bit integers in SQLite and PostgreSQL.
MAX_ROW_ID = 2**63 - 1


def is_row_id(value: int) -> bool:
    """Whether ``value`` can be the id of a stored row; other ints answer 404, never reach the
    database (where they overflow)."""
    return 1 <= value <= MAX_ROW_ID


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _bank(request: Request) -> Bank:
    bank: Bank = request.app.state.bank
    return bank


def _templates(request: Request) -> Jinja2Templates:
    templates: Jinja2Templates = request.app.state.templates
    return templates


SettingsDep = Annotated[Settings, Depends(_settings)]
BankDep = Annotated[Bank, Depends(_bank)]
TemplatesDep = Annotated[Jinja2Templates, Depends(_templates)]


def _submissions(request: Request) -> SubmissionService:
    service: SubmissionService | None = getattr(request.app.state, "submissions", None)
    if service is None:
        raise HTTPException(503, "The judge is not running yet; try again in a few seconds.")
    return service


def _current_user(request: Request) -> Account:
    """The signed-in account in hosted mode (``web.auth`` let the request in only with one),
    the install's one local user otherwise (no login name, role ``candidate``)."""
    if request.app.state.settings.hosted:
        account: Account | None = getattr(request.state, "user", None)
        if account is None:  # only public routes get here without an account
            raise HTTPException(401, "Sign in first.")
        return account
    local: Account = request.app.state.local_user
    return local


def _answers(request: Request) -> AnswerService:
    service: AnswerService | None = getattr(request.app.state, "answers", None)
    if service is None:
        raise HTTPException(503, "The store is not open yet; try again in a few seconds.")
    return service


def _store(request: Request) -> Store:
    store: Store | None = getattr(request.app.state, "store", None)
    if store is None:
        raise HTTPException(503, "The store is not open yet; try again in a few seconds.")
    return store


StoreDep = Annotated[Store, Depends(_store)]
SubmissionsDep = Annotated[SubmissionService, Depends(_submissions)]
AnswersDep = Annotated[AnswerService, Depends(_answers)]
#: Who is asking: routes read ``user.id`` for the rows they may touch.
CurrentUserDep = Annotated[Account, Depends(_current_user)]


def _current_account(request: Request) -> Account | None:
    """Hosted mode's signed-in account (with its role); None on a local install."""
    account: Account | None = getattr(request.state, "user", None)
    return account


CurrentAccountDep = Annotated[Account | None, Depends(_current_account)]


def _interviews(request: Request) -> InterviewService:
    service: InterviewService | None = getattr(request.app.state, "interviews", None)
    if service is None:
        raise HTTPException(503, "The store is not open yet; try again in a few seconds.")
    return service


InterviewsDep = Annotated[InterviewService, Depends(_interviews)]


def _journal(request: Request) -> Journal:
    # A journal is only the store's handle: one per request costs nothing.
    return Journal(_store(request))


JournalDep = Annotated[Journal, Depends(_journal)]


def _story_bank(request: Request) -> StoryBank:
    # Like the journal, a story bank is only a handle on the store; the embedding model it
    # analyses with is the process-wide one, loaded on first use.
    from barraiser.grading.embeddings import get_backend

    settings = _settings(request)
    principles = list(_bank(request).principles.values())
    return StoryBank(_store(request), principles, lambda: get_backend(settings))


StoryBankDep = Annotated[StoryBank, Depends(_story_bank)]


async def _posted_text_fields(request: Request) -> dict[str, str]:
    """The posted form's text fields (files are ignored): read here, in the async part, so that
    the route itself can be a plain ``def`` run in the threadpool."""
    form = await request.form()
    return {key: value for key, value in form.multi_items() if isinstance(value, str)}


#: A posted form's text fields, for routes whose work blocks (database, models).
FormFieldsDep = Annotated[dict[str, str], Depends(_posted_text_fields)]
