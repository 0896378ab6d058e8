"""An experiences-journal entry as typed data, and the checks that turn raw input into one.

Raw input (the JSON API's body, the web form, the CLI's options) is read by
:func:`parse_entry`, which returns the entry or every problem as a sentence that says what to
do; nothing is saved until the whole entry is sound.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal, cast, get_args

from barraiser.content.drafts import ASKED_KIND_LABELS, ASKED_KINDS, AskedKind

Outcome = Literal["offer", "rejected", "pending", "withdrew", "no-reply"]
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)
OUTCOME_LABELS: dict[str, str] = {
    "offer": "Offer",
    "rejected": "Rejected",
    "pending": "Waiting to hear",
    "withdrew": "I withdrew",
    "no-reply": "No reply",
}
KIND_LABELS = ASKED_KIND_LABELS

#: Longest company or role name, round title and question, in characters.
MAX_NAME_CHARS = 200
MAX_QUESTION_CHARS = 5_000
#: Longest note (the entry's, or a round's), in characters.
MAX_NOTE_CHARS = 20_000
MAX_ROUNDS = 20
MAX_QUESTIONS = 60
#: A date may be this far ahead of today (UTC): the interview was today somewhere on Earth.
FUTURE_SLACK = timedelta(days=1)
EARLIEST = date(1970, 1, 1)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: the field it is about, and what to do."""

    field: str
    message: str


class EntryInvalid(ValueError):
    """The input is not a sound entry; ``problems`` says what to fix (nothing was saved)."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(" ".join(p.message for p in self.problems))


@dataclass(frozen=True)
class RoundData:
    title: str
    notes: str = ""


@dataclass(frozen=True)
class AskedData:
    """A question asked; ``round`` is the 1-based number of one of the entry's rounds."""

    text: str
    kind: AskedKind = "other"
    round: int | None = None
    #: The stored question it updates (editing), or None for a new one.
    id: int | None = None


@dataclass(frozen=True)
class EntryData:
    company: str
    role: str
    interview_date: date
    outcome: Outcome | None = None
    notes: str = ""
    rounds: list[RoundData] = field(default_factory=list)
    questions: list[AskedData] = field(default_factory=list)


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value.strip() if isinstance(value, str) else str(value).strip()


def _too_long(what: str, value: str, limit: int, fld: str) -> Problem | None:
    if len(value) <= limit:
        return None
    plural = "notes" in what.lower()  # "The notes are ...", "The company is ..."
    return Problem(
        fld,
        f"{what} {'are' if plural else 'is'} {len(value):,} characters long; at most "
        f"{limit:,} are kept. Shorten {'them' if plural else 'it'} to what you want to remember "
        "and save again.",
    )


def _date(value: Any, today: date, problems: list[Problem]) -> date | None:
    raw = _text(value)
    if not raw:
        problems.append(
            Problem("date", "The date is empty: give the day of the interview (YYYY-MM-DD).")
        )
        return None
    try:
        day = value if isinstance(value, date) else date.fromisoformat(raw)
    except ValueError:
        problems.append(
            Problem(
                "date",
                f"The date {raw[:40]!r} is not a date: write it as YYYY-MM-DD, e.g. "
                f"{today.isoformat()}.",
            )
        )
        return None
    if day > today + FUTURE_SLACK:
        problems.append(
            Problem(
                "date",
                f"The date {day.isoformat()} is in the future: record an interview once it has "
                "taken place, with the day it took place (today or earlier).",
            )
        )
        return None
    if day < EARLIEST:
        problems.append(
            Problem("date", f"The date {day.isoformat()} is too long ago: check the year.")
        )
        return None
    return day


def _outcome(value: Any, problems: list[Problem]) -> Outcome | None:
    raw = _text(value).lower().replace(" ", "-")
    if not raw:
        return None
    if raw not in OUTCOMES:
        known = ", ".join(OUTCOMES)
        problems.append(
            Problem(
                "outcome",
                f"The outcome {_text(value)[:40]!r} is not one of {known}: pick one, or leave it "
                "empty.",
            )
        )
        return None
    return raw


def _rounds(value: Any, problems: list[Problem]) -> list[RoundData]:
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(Problem("rounds", "The rounds must be a list of {title, notes}."))
        return []
    if len(value) > MAX_ROUNDS:
        problems.append(
            Problem(
                "rounds", f"An entry has at most {MAX_ROUNDS} rounds; this one has {len(value)}."
            )
        )
        return []
    rounds = []
    for number, item in enumerate(value, start=1):
        item = item if isinstance(item, Mapping) else {"title": item}
        title, notes = _text(item.get("title")), _text(item.get("notes"))
        where = f"rounds[{number - 1}]"
        if not title:
            problems.append(
                Problem(
                    f"{where}.title",
                    f"Round {number} has no title: name it (e.g. Phone screen, ML depth, Bar "
                    "Raiser) or remove the round.",
                )
            )
        for found in (
            _too_long(f"The title of round {number}", title, MAX_NAME_CHARS, f"{where}.title"),
            _too_long(f"The notes of round {number}", notes, MAX_NOTE_CHARS, f"{where}.notes"),
        ):
            if found:
                problems.append(found)
        rounds.append(RoundData(title=title, notes=notes))
    return rounds


def _round_number(value: Any) -> int | str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return "bad"
    if isinstance(value, int):
        return value
    try:
        return int(str(value).strip())
    except ValueError:
        return "bad"


def _questions(value: Any, n_rounds: int, problems: list[Problem]) -> list[AskedData]:
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(
            Problem("questions", "The questions must be a list of {text, kind, round}.")
        )
        return []
    if len(value) > MAX_QUESTIONS:
        problems.append(
            Problem(
                "questions",
                f"An entry has at most {MAX_QUESTIONS} questions; this one has {len(value)}: "
                "split the interview into two entries.",
            )
        )
        return []
    asked = []
    for number, item in enumerate(value, start=1):
        item = item if isinstance(item, Mapping) else {"text": item}
        where = f"questions[{number - 1}]"
        text = _text(item.get("text"))
        if not text:
            problems.append(
                Problem(
                    f"{where}.text",
                    f"Question {number} has no text: write the question as it was asked, or "
                    "remove it.",
                )
            )
        long = _too_long(f"Question {number}", text, MAX_QUESTION_CHARS, f"{where}.text")
        if long:
            problems.append(long)
        kind = _text(item.get("kind")).lower().replace(" ", "-") or "other"
        kind = {"behavioral": "behavioural", "system design": "system-design"}.get(kind, kind)
        if kind not in ASKED_KINDS:
            problems.append(
                Problem(
                    f"{where}.kind",
                    f"Question {number} has the kind {kind[:40]!r}; use one of "
                    f"{', '.join(ASKED_KINDS)}.",
                )
            )
            kind = "other"
        number_of_round = _round_number(item.get("round"))
        if number_of_round == "bad" or (
            isinstance(number_of_round, int) and not 1 <= number_of_round <= n_rounds
        ):
            has = f"the entry has {n_rounds} round{'s' if n_rounds != 1 else ''}"
            problems.append(
                Problem(
                    f"{where}.round",
                    f"Question {number} names round {_text(item.get('round'))[:20]!r}, but {has}: "
                    "give the number of one of its rounds, or none.",
                )
            )
            number_of_round = None
        question_id = item.get("id")
        if question_id is not None and not (
            isinstance(question_id, int) and not isinstance(question_id, bool)
        ):
            try:
                question_id = int(str(question_id))
            except ValueError:
                problems.append(
                    Problem(f"{where}.id", f"Question {number} has an id that is not a number.")
                )
                question_id = None
        asked.append(
            AskedData(
                text=text,
                kind=cast(AskedKind, kind),
                round=number_of_round if isinstance(number_of_round, int) else None,
                id=question_id,
            )
        )
    return asked


def parse_entry(raw: Mapping[str, Any], today: date) -> EntryData:
    """The entry the raw input describes; raises :class:`EntryInvalid` listing every problem.

    ``raw`` has ``company``, ``role``, ``date`` (YYYY-MM-DD), ``outcome`` (optional),
    ``notes``, ``rounds`` (``[{title, notes}]``) and ``questions`` (``[{text, kind, round,
    id}]``, ``round`` being a 1-based round number). ``today`` is the date in UTC.
    """
    problems: list[Problem] = []
    company, role, notes = (
        _text(raw.get("company")),
        _text(raw.get("role")),
        _text(raw.get("notes")),
    )
    if not company:
        problems.append(
            Problem("company", "The company is empty: write the company you interviewed with.")
        )
    if not role:
        problems.append(
            Problem(
                "role",
                "The role is empty: write the role you interviewed for (e.g. ML engineer).",
            )
        )
    for found in (
        _too_long("The company", company, MAX_NAME_CHARS, "company"),
        _too_long("The role", role, MAX_NAME_CHARS, "role"),
        _too_long("The notes", notes, MAX_NOTE_CHARS, "notes"),
    ):
        if found:
            problems.append(found)
    day = _date(raw.get("date"), today, problems)
    outcome = _outcome(raw.get("outcome"), problems)
    rounds = _rounds(raw.get("rounds"), problems)
    questions = _questions(raw.get("questions"), len(rounds), problems)
    if problems or day is None:
        raise EntryInvalid(problems)
    return EntryData(
        company=company,
        role=role,
        interview_date=day,
        outcome=outcome,
        notes=notes,
        rounds=rounds,
        questions=questions,
    )
