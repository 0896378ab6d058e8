"""Field types and the strict base model shared by every content schema.

Kept apart from ``content.schemas`` so that problem files (``content.problems``) can be read
without building the question schemas."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
#: Text that only a draft question may leave empty (see ``Question.draft``).
DraftableText = Annotated[str, StringConstraints(strip_whitespace=True)]

Difficulty = Literal["easy", "medium", "hard"]
DIFFICULTIES: tuple[Difficulty, ...] = ("easy", "medium", "hard")


class StrictModel(BaseModel):
    """Unknown keys are errors and loaded content is immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)
