"""The review page and its JSON twin: what is due for spaced-repetition review today."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel
from starlette.responses import Response

from barraiser.content.loader import Bank
from barraiser.interview.review import DueItem, card_count, due_items, upcoming
from barraiser.store import Store, utcnow
from barraiser.web.deps import BankDep, CurrentUserDep, StoreDep, TemplatesDep

#: The HTML page stays out of the OpenAPI schema; ``/api/review`` is in it (tag "review").
router = APIRouter(default_response_class=HTMLResponse)

#: Days ahead shown as "upcoming".
AHEAD_DAYS = 7


class DayCount(BaseModel):
    """How many cards come due on one day (UTC)."""

    day: date
    count: int


class ReviewOverview(BaseModel):
    """Due today (by the end of today, UTC), the next days' counts and the number of cards."""

    due: list[DueItem]
    upcoming: list[DayCount]
    total_cards: int


def _overview(store: Store, bank: Bank, user_id: int) -> ReviewOverview:
    now = utcnow()
    with store.session() as session:
        due = due_items(session, user_id, now, bank)
        ahead = upcoming(session, user_id, now, AHEAD_DAYS)
        total = card_count(session, user_id)
    days = [DayCount(day=day, count=count) for day, count in ahead]
    return ReviewOverview(due=due, upcoming=days, total_cards=total)


@router.get("/review", include_in_schema=False)
def review_page(
    request: Request,
    store: StoreDep,
    bank: BankDep,
    user: CurrentUserDep,
    templates: TemplatesDep,
) -> Response:
    """Questions and problems due today, with a way to practise each, and the week ahead."""
    overview = _overview(store, bank, user.id)
    return templates.TemplateResponse(request, "review.html", {"overview": overview})


@router.get("/api/review", response_class=JSONResponse, tags=["review"])
def review_api(store: StoreDep, bank: BankDep, user: CurrentUserDep) -> ReviewOverview:
    """Items due for review today (by the end of today, UTC) and counts for the next 7 days."""
    return _overview(store, bank, user.id)
