"""The question-bank filters shared by the pages and the API."""

from __future__ import annotations

from dataclasses import dataclass

from barraiser.content.loader import Bank
from barraiser.content.schemas import Question


def _clean(value: str | None) -> str:
    return value.strip() if value else ""


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
