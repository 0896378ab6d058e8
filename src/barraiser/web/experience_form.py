"""The journal's entry form: what it shows (blank rows to fill) and how a posted form is read.

The form works without JavaScript: it always offers a few blank rounds and questions below
the filled ones; blank rows are ignored when it is read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from barraiser.journal import EntryOut, Problem

#: Blank rows offered below the filled ones.
BLANK_ROUNDS_NEW, BLANK_ROUNDS_EDIT = 3, 2
BLANK_QUESTIONS_NEW, BLANK_QUESTIONS_EDIT = 5, 3
#: Most rows read from a posted form (more are a forged form: ignored).
MAX_ROWS = 80

_ROW = re.compile(r"^(round|question)-(\d{1,3})-([a-z]+)$")


@dataclass
class RoundRow:
    title: str = ""
    notes: str = ""


@dataclass
class QuestionRow:
    id: str = ""
    text: str = ""
    kind: str = "other"
    round: str = ""


@dataclass
class EntryForm:
    """The values the form shows, and the problems found when it was last sent."""

    company: str = ""
    role: str = ""
    date: str = ""
    outcome: str = ""
    notes: str = ""
    rounds: list[RoundRow] = field(default_factory=list)
    questions: list[QuestionRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def blank(cls, today: str) -> EntryForm:
        return cls(date=today).padded(BLANK_ROUNDS_NEW, BLANK_QUESTIONS_NEW)

    @classmethod
    def of(cls, entry: EntryOut) -> EntryForm:
        form = cls(
            company=entry.company,
            role=entry.role,
            date=entry.date.isoformat(),
            outcome=entry.outcome or "",
            notes=entry.notes,
            rounds=[RoundRow(r.title, r.notes) for r in entry.rounds],
            questions=[
                QuestionRow(str(q.id), q.text, q.kind, str(q.round) if q.round else "")
                for q in entry.questions
            ],
        )
        return form.padded(BLANK_ROUNDS_EDIT, BLANK_QUESTIONS_EDIT)

    def padded(self, rounds: int, questions: int) -> EntryForm:
        """The form with blank rows added at the end."""
        self.rounds += [RoundRow() for _ in range(rounds)]
        self.questions += [QuestionRow() for _ in range(questions)]
        return self


def read_form(fields: Mapping[str, str]) -> tuple[EntryForm, dict[str, Any]]:
    """The posted form as shown back (with blank rows) and as the raw entry to check.

    Blank rows are dropped; a question's round is renumbered when a blank round above it is
    dropped, and points at no round when its round was blank.
    """
    rows: dict[tuple[str, int], dict[str, str]] = {}
    for key, value in fields.items():
        match = _ROW.match(key)
        if match and int(match.group(2)) < MAX_ROWS:
            rows.setdefault((match.group(1), int(match.group(2))), {})[match.group(3)] = value
    form = EntryForm(
        company=fields.get("company", ""),
        role=fields.get("role", ""),
        date=fields.get("date", ""),
        outcome=fields.get("outcome", ""),
        notes=fields.get("notes", ""),
    )
    numbers: dict[str, int] = {}  # the form's round number -> the entry's
    raw_rounds = []
    for (what, index), values in sorted(rows.items()):
        if what != "round":
            continue
        title, notes = values.get("title", ""), values.get("notes", "")
        form.rounds.append(RoundRow(title, notes))
        if title.strip() or notes.strip():
            raw_rounds.append({"title": title, "notes": notes})
            numbers[str(index + 1)] = len(raw_rounds)
    raw_questions: list[dict[str, Any]] = []
    for (what, _), values in sorted(rows.items()):
        if what != "question":
            continue
        row = QuestionRow(
            id=values.get("id", ""),
            text=values.get("text", ""),
            kind=values.get("kind", "other"),
            round=values.get("round", ""),
        )
        form.questions.append(row)
        if not row.text.strip():
            continue  # a blank row, or a question cleared to delete it
        raw_questions.append(
            {
                "id": row.id.strip() or None,
                "text": row.text,
                "kind": row.kind,
                "round": numbers.get(row.round.strip()),
            }
        )
    raw = {
        "company": form.company,
        "role": form.role,
        "date": form.date,
        "outcome": form.outcome,
        "notes": form.notes,
        "rounds": raw_rounds,
        "questions": raw_questions,
    }
    return form, raw
