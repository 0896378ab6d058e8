"""The grading result: what the CLI prints, the API returns and the store keeps."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, computed_field

#: Bump when scores of the same answer can change (thresholds, model, rules); stored with results.
GRADER_VERSION = "1.5.4"

Status = Literal["covered", "partly", "missed"]
#: What the claim verifier found in the evidence sentence (None for other graders).
Verdict = Literal["states", "contradicts", "mentions"]
#: Which grader produced a result: the claim verifier (default), the embedding baseline or an
#: LLM judge.
GraderName = Literal["verifier", "embedding", "llm"]


class KeyPointResult(BaseModel):
    """One rubric key point and the sentence of the answer that best covers it."""

    id: str
    text: str
    weight: float
    status: Status
    similarity: float = Field(description="Best cosine between the point and a sentence (0-1).")
    credit: float = Field(description="Share of the point's weight earned (0-1).")
    evidence: str | None = Field(
        default=None, description="The answer's sentence that covers it (None when missed)."
    )
    evidence_span: tuple[int, int] | None = Field(
        default=None, description="Character offsets of the evidence in the graded answer."
    )
    matched_terms: list[str] = Field(
        default_factory=list, description="Key terms or synonyms found in the answer."
    )
    verdict: Verdict | None = Field(
        default=None,
        description="What the claim verifier found in the evidence: the sentence states the "
        "point, contradicts it, or mentions it without explaining it (None: nothing found).",
    )
    confidence: float | None = Field(
        default=None, description="The verifier's probability for that verdict (0-1)."
    )

    @computed_field  # type: ignore[prop-decorator]
    @property
    def covered(self) -> bool:
        """True when the point is fully covered (``partly`` counts as not covered)."""
        return self.status == "covered"


class MisconceptionResult(BaseModel):
    """Something wrong the answer says, with the sentence and the correction.

    ``kind`` is ``misconception`` for a known mistake of the rubric the answer states, and
    ``contradiction`` for a key point the answer contradicts (its correction is the point).
    """

    id: str
    statement: str
    correction: str
    evidence: str
    evidence_span: tuple[int, int] | None = None
    similarity: float
    kind: Literal["misconception", "contradiction"] = "misconception"
    confidence: float | None = Field(
        default=None, description="The verifier's probability that the sentence says it (0-1)."
    )


class FollowUpSuggestion(BaseModel):
    """A follow-up question an interviewer would ask next, and why."""

    question: str
    probes: list[str] = Field(default_factory=list)
    reason: str = ""


class GradeResult(BaseModel):
    """The grade of one free-text answer against one rubric."""

    score: float = Field(ge=0, le=100, description="Weighted rubric score, 0-100.")
    key_points: list[KeyPointResult]
    misconceptions: list[MisconceptionResult] = Field(default_factory=list)
    feedback: str = ""
    star: Any | None = Field(
        default=None, description="STAR / Leadership Principle analysis (behavioural answers)."
    )
    follow_ups: list[FollowUpSuggestion] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    word_count: int = 0
    truncated: bool = Field(default=False, description="True when only the first words counted.")
    question_id: str | None = None
    model: str = ""
    grader: GraderName = Field(
        default="embedding", description="The grader that produced this result."
    )
    grader_version: str = GRADER_VERSION
    draft: bool = Field(
        default=False,
        description="True for an answer to a draft question without a rubric: it was saved but "
        "not scored against key points (score 0, no key points).",
    )

    def to_json_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (computed fields included)."""
        return self.model_dump(mode="json")
