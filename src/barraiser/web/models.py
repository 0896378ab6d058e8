"""Response models of the JSON API (documented in /openapi.json), and the base of its request
models."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, field_validator

from barraiser.content.schemas import (
    DecisionRule,
    Difficulty,
    Loop,
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
            source=question.source,
            draft=question.draft,
            source_label=source_label,
        )


class LoopSummary(BaseModel):
    """One interview loop, without its stages."""

    id: str
    title: str
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
