"""JSON models of the labs API (documented in /openapi.json)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from barraiser.labs.base import DatasetInfo, Lab, LabResult, Size
from barraiser.web.models import InputModel


class LabSummary(BaseModel):
    """One lab: the guide question it backs and whether a result is cached."""

    id: str
    title: str
    question_id: str = Field(description="The bank question whose model answer the lab checks.")
    guide_question: int = Field(description="The source guide's question number (1-15).")
    summary: str
    datasets: list[DatasetInfo]
    cached: bool = Field(description="A result of the lab's current version is in the cache.")
    cached_sizes: list[Size] = Field(
        default_factory=list, description="Which sizes are cached: 'full' and/or 'fast'."
    )
    claims_held: int | None = Field(
        default=None, description="Claims that hold in the cached result (full size first)."
    )
    claims_failed: int | None = None

    @classmethod
    def of(cls, lab: Lab, results: list[LabResult]) -> LabSummary:
        """``results``: the cached results, best (full size) first."""
        best = results[0] if results else None
        return cls(
            id=lab.id,
            title=lab.title,
            question_id=lab.question_id,
            guide_question=lab.guide_question,
            summary=lab.summary,
            datasets=list(lab.datasets),
            cached=best is not None,
            cached_sizes=[r.size for r in results],
            claims_held=None if best is None else sum(c.holds for c in best.claims),
            claims_failed=None if best is None else sum(not c.holds for c in best.claims),
        )


class LabRunIn(InputModel):
    """How to run a lab: ``fast`` is the small size the tests use (seconds)."""

    fast: bool = False


class LabRunOut(BaseModel):
    """A lab run started from the web: where it is and, once done, its result."""

    id: str = Field(description="The run id; poll GET /api/labs/runs/{id}.")
    lab_id: str
    size: Size
    status: Literal["queued", "running", "done", "failed"]
    message: str = Field(description="The lab's last progress message.")
    fraction: float | None = Field(
        default=None, description="How far the run is, 0 to 1, when the lab says."
    )
    error: str | None = Field(default=None, description="Why the run failed, as a sentence.")
    queued_at: datetime
    started_at: datetime | None = None
    finished_at: datetime | None = None
    result: LabResult | None = Field(default=None, description="The result once status is done.")
