"""The JSON API under /api: questions, loops, companies and health, documented in
/openapi.json."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from barraiser import __version__
from barraiser.content.schemas import Difficulty, Question, QuestionKind
from barraiser.web.deps import BankDep
from barraiser.web.models import (
    CompanyDetail,
    CompanySummary,
    ErrorOut,
    Health,
    LoopDetail,
    LoopSummary,
    QuestionSummary,
)
from barraiser.web.presenters import source_label
from barraiser.web.routes.filters import QuestionFilters

router = APIRouter(prefix="/api")

_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "No object with this id."}
}


@router.get("/health", tags=["meta"])
def health() -> Health:
    """Whether the server is up, and its version."""
    return Health(status="ok", version=__version__)


@router.get("/questions", tags=["questions"])
def list_questions(
    bank: BankDep,
    kind: Annotated[QuestionKind | None, Query(description="Only this kind.")] = None,
    topic: Annotated[str | None, Query(description="Only questions with this topic id.")] = None,
    lp: Annotated[
        str | None, Query(description="Only questions probing this Leadership Principle id.")
    ] = None,
    difficulty: Annotated[Difficulty | None, Query(description="Only this difficulty.")] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            description="A full-text search over titles, prompts, model answers, topics "
            "and principle names (stemmed, so 'overfitting' finds 'overfit'); the hits come "
            "best first.",
        ),
    ] = None,
    company: Annotated[
        str | None, Query(description="Only questions tagged with this company id.")
    ] = None,
) -> list[QuestionSummary]:
    """The questions of the bank matching every given filter, ordered by kind then source
    (with a search `q`: best match first)."""
    filters = QuestionFilters.of(kind, topic, lp, difficulty, q, company)
    return [QuestionSummary.of(item, source_label(item)) for item in filters.apply(bank)]


@router.get("/questions/{question_id}", tags=["questions"], responses=_NOT_FOUND)
def get_question(question_id: str, bank: BankDep) -> Question:
    """One question with its prompt, guidance, model answer and rubric."""
    question = bank.questions.get(question_id)
    if question is None:
        raise HTTPException(
            404, f"No question with id {question_id!r}. GET /api/questions lists the ids."
        )
    return question


@router.get("/loops", tags=["loops"])
def list_loops(bank: BankDep) -> list[LoopSummary]:
    """Every installed interview loop, without its stages."""
    return [LoopSummary.of(loop) for loop in bank.loops.values()]


@router.get("/loops/{loop_id}", tags=["loops"], responses=_NOT_FOUND)
def get_loop(loop_id: str, bank: BankDep) -> LoopDetail:
    """One loop with its stages, rounds, competencies and debrief decision rule."""
    loop = bank.loops.get(loop_id)
    if loop is None:
        known = ", ".join(sorted(bank.loops)) or "none"
        raise HTTPException(404, f"No loop with id {loop_id!r}. Known loops: {known}.")
    return LoopDetail.of(loop)


@router.get("/companies", tags=["companies"])
def list_companies(bank: BankDep) -> list[CompanySummary]:
    """Every company whose loops barraiser runs, by name."""
    return CompanySummary.every(bank)


@router.get("/companies/{company_id}", tags=["companies"], responses=_NOT_FOUND)
def get_company(company_id: str, bank: BankDep) -> CompanyDetail:
    """One company: its process, values, ML work, loops and the questions tagged with it."""
    company = bank.companies.get(company_id)
    if company is None:
        known = ", ".join(sorted(bank.companies)) or "none"
        raise HTTPException(404, f"No company with id {company_id!r}. Known companies: {known}.")
    return CompanyDetail.of_company(company, bank)
