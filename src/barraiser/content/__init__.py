"""Content: schemas and loaders for questions, Leadership Principles, competencies and loops."""

from barraiser.content.loader import (
    Bank,
    ContentError,
    ContentProblem,
    default_content_dir,
    load_bank,
    load_bank_collecting,
)
from barraiser.content.schemas import (
    FREE_TEXT_KINDS,
    QUESTION_KINDS,
    RATINGS,
    Loop,
    Question,
    Rubric,
)

__all__ = [
    "FREE_TEXT_KINDS",
    "QUESTION_KINDS",
    "RATINGS",
    "Bank",
    "ContentError",
    "ContentProblem",
    "Loop",
    "Question",
    "Rubric",
    "default_content_dir",
    "load_bank",
    "load_bank_collecting",
]
