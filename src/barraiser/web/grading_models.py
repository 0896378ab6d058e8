"""Request and response models of the grading API (documented in /openapi.json)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from barraiser.grading.behavioral import StarAnalysis
from barraiser.grading.llm import LLMOutcome
from barraiser.grading.result import GradeResult
from barraiser.grading.text import ANSWER_MAX_WORDS
from barraiser.interview.answers import MAX_ANSWER_CHARS, StoredAnswer
from barraiser.web.models import InputModel


class GradeIn(InputModel):
    """An answer to grade: to a bank question (``question_id``), or to an ad-hoc question given
    with its reference answer (``question`` and ``reference_answer``), as in ``grade-batch``."""

    answer: str | None = Field(
        default=None,
        description=f"The candidate's answer; at most {MAX_ANSWER_CHARS:,} characters (the "
        f"grader reads the first {ANSWER_MAX_WORDS:,} words).",
        examples=["Accuracy hides the minority class: with 1% fraud, ..."],
    )
    question_id: str | None = Field(
        default=None,
        description="Id of a free-text question of the bank.",
        examples=["choosing-between-two-accuracies"],
    )
    question: str | None = Field(
        default=None, description="An ad-hoc question (with reference_answer, not question_id)."
    )
    reference_answer: str | None = Field(
        default=None,
        description="The model answer of the ad-hoc question; key points are "
        "derived from its most informative sentences.",
    )


class GradedAnswer(GradeResult):
    """A stored answer with its grading: the built-in grade and, when configured, the LLM
    judge's assessment beside it (``llm``, null when the judge is off)."""

    answer_id: int = Field(description="Id of the stored answer: GET /api/answers/{answer_id}.")
    answer: str = Field(description="The answer as stored (leading/trailing spaces removed).")
    created_at: datetime
    prompt: str | None = Field(default=None, description="The question the answer replies to.")
    star: StarAnalysis | None = Field(
        default=None, description="STAR / Leadership Principle analysis (behavioural answers)."
    )
    reference_answer: str | None = Field(
        default=None, description="The reference answer of an ad-hoc question."
    )
    llm: LLMOutcome | None = Field(
        default=None,
        description="The optional LLM judge's assessment, or why there is none (error); null "
        "when no LLM endpoint is configured.",
    )

    @classmethod
    def of(cls, stored: StoredAnswer) -> GradedAnswer:
        assert stored.result is not None
        data: dict[str, Any] = stored.result.model_dump()
        data.update(
            answer_id=stored.id,
            answer=stored.text,
            created_at=stored.created_at,
            prompt=stored.prompt_text,
            question_id=stored.question_id,
            grader_version=stored.grader_version or data.get("grader_version", ""),
        )
        return cls.model_validate(data)


class AttemptSummary(BaseModel):
    """One earlier answer to a question: when, its score and where to read it."""

    answer_id: int
    created_at: datetime
    score: float | None
    grader_version: str | None
    words: int
    draft: bool = Field(
        default=False, description="An answer to a draft without a rubric: saved, not scored."
    )

    @classmethod
    def of(cls, stored: StoredAnswer) -> AttemptSummary:
        return cls(
            answer_id=stored.id,
            created_at=stored.created_at,
            score=stored.score,
            grader_version=stored.grader_version,
            words=len(stored.text.split()),
            draft=stored.result is not None and stored.result.draft,
        )
