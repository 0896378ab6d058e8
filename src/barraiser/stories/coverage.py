"""The 16-principle coverage matrix of a story bank, and what the loop's picker needs from it.

Each principle's cell is *strong* when a strong story shows it, *weak* when only stories that
lack a signal show it ("no strong story"), and *none* when no story shows it yet. Stories not
analysed yet show nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from barraiser.content.schemas import LeadershipPrinciple
from barraiser.store.models import Story
from barraiser.stories.analysis import StoryAnalysis, read_analysis

Strength = Literal["strong", "weak", "none"]
STRENGTH_LABELS: dict[str, str] = {
    "strong": "Strong story",
    "weak": "No strong story",
    "none": "No story yet",
}
#: How much a principle needs a story, for the loop's picker: none 2, weak 1, strong 0.
NEED: dict[str, int] = {"none": 2, "weak": 1, "strong": 0}


class CoveringStory(BaseModel):
    """A story that shows a principle, as its cell lists it."""

    id: int
    title: str
    strong: bool
    evidence: str = Field(description="The story's sentence that shows the principle.")
    missing: list[str] = Field(default_factory=list, description="What keeps it from strong.")


class CoverageCell(BaseModel):
    """One principle's cell: how well the bank covers it, and the stories that show it."""

    principle_id: str
    name: str
    status: Strength
    label: str
    stories: list[CoveringStory] = Field(default_factory=list)


class Coverage(BaseModel):
    """The coverage matrix: one cell per Leadership Principle, in the bank's order."""

    stories: int = Field(description="Stories in the bank.")
    analysed: int = Field(description="Stories analysed (the others show nothing yet).")
    strong: int = Field(description="Principles with a strong story.")
    cells: list[CoverageCell]

    def cell(self, principle_id: str) -> CoverageCell:
        return next(c for c in self.cells if c.principle_id == principle_id)


@dataclass(frozen=True)
class AnalysedStory:
    id: int
    title: str
    analysis: StoryAnalysis | None


def coverage_matrix(
    principles: Sequence[LeadershipPrinciple], stories: Sequence[AnalysedStory]
) -> Coverage:
    """The matrix of ``principles`` over ``stories``: strong stories first in each cell."""
    cells = []
    for principle in principles:
        covering = [
            CoveringStory(
                id=s.id,
                title=s.title,
                strong=s.analysis.strong,
                evidence=next(p.evidence for p in s.analysis.principles if p.id == principle.id),
                missing=s.analysis.missing,
            )
            for s in stories
            if s.analysis is not None and s.analysis.shows(principle.id)
        ]
        covering.sort(key=lambda c: (not c.strong, c.title.lower(), c.id))
        status: Strength = (
            "strong" if any(c.strong for c in covering) else "weak" if covering else "none"
        )
        cells.append(
            CoverageCell(
                principle_id=principle.id,
                name=principle.name,
                status=status,
                label=STRENGTH_LABELS[status],
                stories=covering,
            )
        )
    return Coverage(
        stories=len(stories),
        analysed=sum(1 for s in stories if s.analysis is not None),
        strong=sum(1 for c in cells if c.status == "strong"),
        cells=cells,
    )


def principle_needs(
    principle_ids: Iterable[str], analyses: Sequence[StoryAnalysis | None]
) -> dict[str, int]:
    """How much each principle needs a story (``NEED``); empty when there are no stories, so
    that a candidate without a story bank gets the loop's usual questions."""
    if not analyses:
        return {}
    needs = {}
    for pid in principle_ids:
        showing = [a for a in analyses if a is not None and a.shows(pid)]
        status = "strong" if any(a.strong for a in showing) else "weak" if showing else "none"
        needs[pid] = NEED[status]
    return needs


def stored_needs(session: Session, user_id: int, principle_ids: Iterable[str]) -> dict[str, int]:
    """:func:`principle_needs` of the user's stored stories."""
    stored = session.scalars(select(Story.analysis).where(Story.user_id == user_id)).all()
    return principle_needs(principle_ids, [read_analysis(a) for a in stored])
