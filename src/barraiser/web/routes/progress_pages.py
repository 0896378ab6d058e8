"""The progress page and its JSON: scores over time, by competency and by kind of question."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup
from pydantic import BaseModel
from starlette.responses import Response

from barraiser.content.loader import Bank
from barraiser.interview.charts import line_chart
from barraiser.interview.progress import Progress, Series, progress
from barraiser.store import Store
from barraiser.web.deps import BankDep, CurrentUserDep, StoreDep, TemplatesDep

router = APIRouter()

#: Questions suggested per weak competency.
SUGGESTIONS = 3


class Suggestion(BaseModel):
    """A bank question that practises a weak competency."""

    competency: str
    question_id: str
    title: str
    url: str


class ProgressOut(Progress):
    """The progress of the current user, with questions to practise the weakest competencies."""

    suggestions: list[Suggestion]


def _midday(day: date) -> datetime:
    # A day's mean is drawn at noon, so it sits in the middle of the day's tick interval.
    return datetime.combine(day, time(12), tzinfo=UTC)


def _chart(series: list[Series], title: str) -> Markup:
    return line_chart(
        {s.label: [(_midday(p.day), p.mean) for p in s.points] for s in series},
        title=title,
        y_max=100,
        y_label="score",
    )


def _suggestions(report: Progress, bank: Bank) -> list[Suggestion]:
    """Questions for each weak competency, ones not yet attempted first, none twice."""
    tried = {a.item_id for a in report.attempts}
    out: list[Suggestion] = []
    for group in report.weakest:
        shown = {s.question_id for s in out}
        matching = sorted(
            (
                q
                for q in bank.questions.values()
                if group.key in q.competencies and q.id not in shown
            ),
            key=lambda q: (q.id in tried, q.kind, q.id),
        )
        out += [
            Suggestion(
                competency=group.key, question_id=q.id, title=q.title, url=f"/questions/{q.id}"
            )
            for q in matching[:SUGGESTIONS]
        ]
    return out


def _progress(store: Store, user_id: int, bank: Bank) -> ProgressOut:
    with store.session() as session:
        report = progress(session, user_id, bank)
    return ProgressOut(**dict(report), suggestions=_suggestions(report, bank))


@router.get(
    "/api/progress",
    response_model=ProgressOut,
    include_in_schema=True,
    tags=["progress"],
    summary="Your scores over time",
)
def progress_api(store: StoreDep, bank: BankDep, user: CurrentUserDep) -> ProgressOut:
    """Every graded attempt (answers: latest grading; code: hidden tests passed, in %), daily
    means per competency and per kind, totals (last 7 days against before) and the weakest
    competencies with questions to practise them. Empty lists when nothing is graded yet."""
    return _progress(store, user.id, bank)


@router.get("/progress", include_in_schema=False, response_class=HTMLResponse)
def progress_page(
    request: Request,
    store: StoreDep,
    bank: BankDep,
    templates: TemplatesDep,
    user: CurrentUserDep,
) -> Response:
    """Charts of scores over time, a summary table and what to practise next."""
    report = _progress(store, user.id, bank)
    context: dict[str, Any] = {"progress": report, "charts": []}
    if report.attempts:
        context["charts"] = [
            _chart(report.by_competency, "Score by competency (daily mean)"),
            _chart(report.by_kind, "Score by kind of question (daily mean)"),
        ]
    context["weak_suggestions"] = {
        group.key: [s for s in report.suggestions if s.competency == group.key]
        for group in report.weakest
    }
    context["groups_tables"] = [
        ("By competency", "Competency", report.competencies),
        ("By kind of question", "Kind", report.kinds),
    ]
    return templates.TemplateResponse(request, "progress.html", context)
