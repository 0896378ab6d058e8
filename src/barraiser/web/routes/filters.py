"""The question-bank filters shared by the pages and the API."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from barraiser.content.loader import Bank
from barraiser.content.schemas import Question
from barraiser.content.search import MARK_END, MARK_START, SearchHit


def _clean(value: str | None) -> str:
    return value.strip() if value else ""


@dataclass(frozen=True)
class Snippet:
    """Where a search matched a question, as HTML with the matched words in ``<mark>``."""

    field: str
    html: Markup

    @classmethod
    def of(cls, hit: SearchHit) -> Snippet:
        text = str(escape(hit.snippet))
        return cls(
            hit.field, Markup(text.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))
        )


@dataclass(frozen=True)
class QuestionFilters:
    """What the user filtered the bank by; empty strings mean "any"."""

    kind: str = ""
    topic: str = ""
    lp: str = ""
    difficulty: str = ""
    q: str = ""
    company: str = ""

    @classmethod
    def of(
        cls,
        kind: str | None = None,
        topic: str | None = None,
        lp: str | None = None,
        difficulty: str | None = None,
        q: str | None = None,
        company: str | None = None,
    ) -> QuestionFilters:
        return cls(
            _clean(kind), _clean(topic), _clean(lp), _clean(difficulty), _clean(q), _clean(company)
        )

    @property
    def active(self) -> bool:
        return any((self.kind, self.topic, self.lp, self.difficulty, self.q, self.company))

    def apply(self, bank: Bank) -> list[Question]:
        return bank.filter_questions(
            kind=self.kind or None,
            topic=self.topic or None,
            lp=self.lp or None,
            difficulty=self.difficulty or None,
            text=self.q or None,
            company=self.company or None,
        )

    def snippets(self, bank: Bank) -> dict[str, Snippet]:
        """Question id -> where the search words matched (empty without a search)."""
        return {hit.question_id: Snippet.of(hit) for hit in bank.search(self.q)} if self.q else {}
