"""Request and response models of the sessions API (documented in /openapi.json)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from barraiser.interview.answers import MAX_ANSWER_CHARS
from barraiser.web.models import InputModel


class SessionIn(InputModel):
    """What to start: a whole loop (``loop_id``), one question (``practice_item_id``), or one
    round of a loop in practice mode (``loop_id``, ``round_id`` and ``practice: true``)."""

    loop_id: str | None = Field(default=None, examples=["quick"])
    practice_item_id: str | None = Field(
        default=None,
        description="A free-text question id, or ``problem:<id>`` for a coding problem.",
        examples=["precision-vs-recall", "problem:two-sum"],
    )
    round_id: str | None = Field(
        default=None, description="With loop_id and practice: one round of that loop."
    )
    practice: bool = Field(
        default=False, description="Practice mode: feedback after each answer, no decision."
    )


class SessionCreated(BaseModel):
    """The new session and the page where it runs."""

    id: str
    url: str = Field(description="The session's page in the web app.")


class TextIn(InputModel):
    """An answer (or a follow-up's answer) to a free-text question of the session."""

    text: str | None = Field(
        default=None,
        description=f"The candidate's answer; at most {MAX_ANSWER_CHARS:,} characters.",
        examples=["Precision is TP / (TP + FP): of what we flagged, how much was right ..."],
    )
