"""Draft questions in the user content folder, made from questions the candidate was asked.

A draft is an ordinary question file with ``draft: true`` and no rubric, guidance or model
answer yet: the loader reads it beside the bundled bank as the user's own (``Bank.own_questions``),
``content check`` checks it as a draft, the question page says it is one, and answers to it are
saved but not scored against key points until the user writes a rubric.

A coding question is refused (:class:`DraftRefused`): it needs a judge problem with tests, which
a draft cannot have.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

import yaml

from barraiser.content.loader import CODING_NEEDS_PROBLEM, Bank
from barraiser.content.schemas import Question, QuestionKind

#: Kinds of question a candidate records in the journal (see ``barraiser.journal``).
AskedKind = Literal["coding", "ml", "system-design", "behavioural", "other"]
ASKED_KINDS: tuple[AskedKind, ...] = ("coding", "ml", "system-design", "behavioural", "other")
ASKED_KIND_LABELS: dict[str, str] = {
    "coding": "Coding",
    "ml": "ML",
    "system-design": "System design",
    "behavioural": "Behavioural",
    "other": "Other",
}

#: The bank kind a recorded question becomes, and the competencies it is scored on (a coding
#: question becomes none: see :data:`CODING_REFUSED`).
_AS_QUESTION: dict[str, tuple[QuestionKind, list[str]]] = {
    "ml": ("concept", ["ml-breadth", "communication"]),
    "system-design": ("system-design", ["system-design", "communication"]),
    "behavioural": ("behavioral", ["communication"]),
    "other": ("concept", ["communication"]),
}
#: The topic every draft carries: the bank can be filtered to the user's recorded questions.
DRAFT_TOPIC = "from-your-interviews"
#: What the question page and grading say about a draft without a rubric.
DRAFT_NOTICE = (
    "Draft: no rubric yet. Answers are saved but not scored against key points; write key "
    "points under `rubric:` in the draft's file to have them scored."
)
#: Why "Make it a practice question" is refused for a coding question (web, API and CLI).
CODING_REFUSED = f"A coding question cannot become a practice question: {CODING_NEEDS_PROBLEM}."
_MAX_ID = 80
_MAX_TITLE = 90

_lock = threading.Lock()


class DraftRefused(ValueError):
    """This recorded question cannot become a draft (a coding question); the message says why."""


def can_draft(kind: str) -> bool:
    """True when a recorded question of this kind can become a draft practice question."""
    return kind in _AS_QUESTION


@dataclass(frozen=True)
class DraftSource:
    """Where a recorded question was asked: it becomes the draft's header comment."""

    text: str
    kind: AskedKind
    company: str
    role: str
    interview_date: date
    round_title: str | None = None


def _slug(text: str, words: int = 7) -> str:
    parts = re.findall(r"[a-z0-9]+", text.lower())[:words]
    return "-".join(parts)[: _MAX_ID - 10].strip("-") or "question"


def _title(text: str) -> str:
    first = re.split(r"(?<=[.?!])\s", " ".join(text.split()), maxsplit=1)[0]
    if len(first) <= _MAX_TITLE:
        return first
    cut = first[: _MAX_TITLE - 1].rsplit(" ", 1)[0]
    return cut + "…"


def _free_id(base: str, bank: Bank, folder: Path) -> str:
    taken = set(bank.questions)
    if folder.is_dir():
        taken |= {p.stem for p in folder.rglob("*.y*ml")}
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    return candidate


def _as_question(kind: str) -> tuple[QuestionKind, list[str]]:
    try:
        return _AS_QUESTION[kind]
    except KeyError:
        raise DraftRefused(CODING_REFUSED) from None


def draft_data(question_id: str, source: DraftSource) -> dict[str, object]:
    """The draft question as the mapping its file holds (:class:`DraftRefused` for coding)."""
    kind, competencies = _as_question(source.kind)
    return {
        "id": question_id,
        "kind": kind,
        "title": _title(source.text),
        "draft": True,
        "prompt": source.text.strip(),
        "topics": [DRAFT_TOPIC],
        "difficulty": "medium",
        "competencies": competencies,
        "how_to_answer": "",
        "model_answer": "",
        "rubric": None,
    }


def _header(source: DraftSource) -> str:
    asked = f"{source.company} ({source.role}), {source.interview_date.isoformat()}"
    if source.round_title:
        asked += f", round: {source.round_title}"
    lines = [
        "Your own draft question, made from your experiences journal.",
        f"Asked at {asked}.",
        "Draft: no rubric yet. Answers to it are saved but not scored against key points.",
        "To have them scored, write `rubric:` with at least 4 key_points and 1 follow_up,",
        "`how_to_answer:` and `model_answer:` (see the bundled questions for the shape),",
        "then remove `draft: true`. `barraiser content check` checks this file.",
    ]
    return "".join(f"# {line}\n" for line in lines)


def write_draft(folder: Path, bank: Bank, source: DraftSource) -> tuple[Question, Path]:
    """Write a draft question for ``source`` into the user content folder ``folder`` and add it
    to ``bank`` (the running bank sees it at once); return the question and its file.

    The file is written whole or not at all, readable by its owner only; its id never clashes
    with a question of the bank or another file of the folder. A coding question raises
    :class:`DraftRefused` and writes nothing.
    """
    from barraiser.storage import private_dirs, write_private

    kind, _ = _as_question(source.kind)
    with _lock:
        question_id = _free_id(f"draft-{_slug(source.text)}", bank, folder)
        data = draft_data(question_id, source)
        question = Question.model_validate(data)  # what the loader will read back
        target = private_dirs(folder / "questions" / kind) / f"{question_id}.yaml"
        body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=96)
        write_private(target, (_header(source) + body).encode("utf-8"))
        add_to_bank(bank, question, target)
    return question, target


def add_to_bank(bank: Bank, question: Question, path: Path) -> None:
    """Add the user's own question to a loaded bank, as the loader would have.

    Other requests read the bank while this runs (in a worker thread): its dicts are never
    changed in place, new ones are built and swapped in, so a loop over the old ones goes on
    undisturbed. The question goes in last, once its origin and ownership are there.
    """
    bank.origins = {**bank.origins, f"question:{question.id}": str(path)}
    bank.own_questions = bank.own_questions | {question.id}
    bank.questions = {**bank.questions, question.id: question}
