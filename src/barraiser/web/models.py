"""Response models of the JSON API (documented in /openapi.json), and the base of its request
models."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, field_validator

from barraiser.content.loader import Bank
from barraiser.content.schemas import (
    Company,
    CompanyValue,
    DecisionRule,
    Difficulty,
    Loop,
    ProcessStep,
    Question,
    QuestionKind,
    Source,
    Stage,
)


def has_lone_surrogate(text: str) -> bool:
    """Whether ``text`` holds a lone UTF-16 surrogate (JSON allows ``"\\ud800"``), which no
    UTF-8 store, file or sandbox can take."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


class InputModel(BaseModel):
    """Base of the request models: every text field must be valid Unicode (422 otherwise)."""

    @field_validator("*", mode="after")
    @classmethod
    def _valid_text(cls, value: Any) -> Any:
        if isinstance(value, str) and has_lone_surrogate(value):
            raise ValueError(
                "the text holds a lone surrogate (such as \\ud800), which is not a character; "
                "send valid UTF-8 text"
            )
        return value


class Health(BaseModel):
    """The server is up."""

    status: str = Field(examples=["ok"])
    version: str = Field(description="The barraiser version serving the request.")


class ErrorOut(BaseModel):
    """An error, as a sentence that says what to do."""

    detail: str = Field(examples=["No question with id 'x'. GET /api/questions lists the ids."])


class QuestionSummary(BaseModel):
    """One question of the bank, without its answer or rubric."""

    id: str
    kind: QuestionKind
    title: str
    difficulty: Difficulty
    topics: list[str]
    leadership_principles: list[str]
    competencies: list[str]
    companies: list[str] = Field(
        default_factory=list, description="Companies known to ask it (company ids)."
    )
    source: Source | None = Field(
        default=None, description="Where the question comes from (document and question number)."
    )
    source_label: str = Field(default="", description="The source in short, e.g. 'Guide Q4'.")
    draft: bool = Field(
        default=False,
        description="Your own draft (from the experiences journal): no rubric yet, so answers "
        "are saved but not scored against key points.",
    )

    @classmethod
    def of(cls, question: Question, source_label: str) -> QuestionSummary:
        return cls(
            id=question.id,
            kind=question.kind,
            title=question.title,
            difficulty=question.difficulty,
            topics=list(question.topics),
            leadership_principles=list(question.leadership_principles),
            competencies=list(question.competencies),
            companies=list(question.companies),
            source=question.source,
            draft=question.draft,
            source_label=source_label,
        )


class LoopSummary(BaseModel):
    """One interview loop, without its stages."""

    id: str
    title: str
    company_id: str = Field(description="The company's id (GET /api/companies/{id}).")
    company: str
    role: str
    description: str
    duration_min: int = Field(description="Total interview time of all rounds, in minutes.")
    stage_count: int
    round_count: int

    @classmethod
    def of(cls, loop: Loop) -> LoopSummary:
        return cls(
            id=loop.id,
            title=loop.title,
            company_id=loop.company_id,
            company=loop.company,
            role=loop.role,
            description=loop.description,
            duration_min=loop.duration_min,
            stage_count=len(loop.stages),
            round_count=len(loop.rounds()),
        )


class LoopDetail(LoopSummary):
    """A full interview loop: stages, rounds, competencies and the debrief's decision rule."""

    competencies: list[str]
    stages: list[Stage]
    decision: DecisionRule

    @classmethod
    def of(cls, loop: Loop) -> LoopDetail:
        summary = LoopSummary.of(loop)
        return cls(
            **summary.model_dump(),
            competencies=list(loop.competencies),
            stages=list(loop.stages),
            decision=loop.decision,
        )


__all__ = [
    "ErrorOut",
    "Health",
    "LoopDetail",
    "LoopSummary",
    "Question",
    "QuestionSummary",
]


class CompanySummary(BaseModel):
    """One company whose loops barraiser runs, without its process and values."""

    id: str
    name: str
    as_of: str = Field(description="When its page was written (ISO date): processes change.")
    summary: str
    loops: list[str] = Field(description="Ids of its loops (GET /api/loops/{id}).")
    question_count: int = Field(description="Questions of the bank tagged with it.")

    @classmethod
    def of(cls, company: Company, bank: Bank) -> CompanySummary:
        return cls(
            id=company.id,
            name=company.name,
            as_of=company.as_of.isoformat(),
            summary=company.summary,
            loops=[loop.id for loop in bank.company_loops(company.id)],
            question_count=len(bank.filter_questions(company=company.id)),
        )

    @classmethod
    def every(cls, bank: Bank) -> list[CompanySummary]:
        """Every company of the bank, by name."""
        return [cls.of(c, bank) for c in sorted(bank.companies.values(), key=lambda c: c.name)]


class CompanyDetail(CompanySummary):
    """A company: its process, its values (each with the Leadership Principles that grade its
    stories), where it uses ML, and the questions tagged with it."""

    ml_applications: list[str]
    process: list[ProcessStep]
    values: list[CompanyValue]
    sources: str
    questions: list[str] = Field(description="Ids of the questions tagged with it.")

    @classmethod
    def of_company(cls, company: Company, bank: Bank) -> CompanyDetail:
        return cls(
            **CompanySummary.of(company, bank).model_dump(),
            ml_applications=list(company.ml_applications),
            process=list(company.process),
            values=list(company.values),
            sources=company.sources,
            questions=[q.id for q in bank.filter_questions(company=company.id)],
        )
