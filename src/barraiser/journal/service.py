"""The experiences journal: the candidate's record of real interviews, kept per user.

Every entry is committed before anything else is done with it (a practice question is made
from a saved question only). Entries are private to their user: every read and write is by
user and id, and another user's entry is "not found". In hosted mode an author may share an
entry with every member (``journal.sharing``); on a local install entries stay private.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from barraiser.content.drafts import (
    CODING_REFUSED,
    DraftRefused,
    DraftSource,
    can_draft,
    write_draft,
)
from barraiser.content.loader import Bank
from barraiser.journal.entries import AskedData, EntryData, EntryInvalid, Problem
from barraiser.store import Store, utcnow
from barraiser.store.models import Experience, ExperienceQuestion, ExperienceRound

#: Making a practice question checks whether one was made, then writes it: one at a time, so
#: a double click (two requests at once) makes one draft, not two.
_practice_lock = threading.Lock()


class EntryNotFound(LookupError):
    """No entry (or question of an entry) with that id belongs to the user."""


class RoundOut(BaseModel):
    """A round of a recorded interview."""

    number: int = Field(description="1-based position of the round in the entry.")
    title: str
    notes: str = ""


class AskedOut(BaseModel):
    """A question asked in a recorded interview."""

    id: int
    number: int = Field(description="1-based position of the question in the entry.")
    text: str
    kind: str = Field(description="coding, ml, system-design, behavioural or other.")
    round: int | None = Field(default=None, description="The round's number, if given.")
    round_title: str | None = None
    practice_question_id: str | None = Field(
        default=None,
        description="The draft practice question made from it (GET /api/questions/{id}), if any.",
    )


class EntryOut(BaseModel):
    """One entry of the experiences journal."""

    id: int
    company: str
    role: str
    date: dt.date
    outcome: str | None = None
    notes: str = ""
    shared: bool = Field(
        default=False,
        description="Shared with every member of a hosted instance (always false locally).",
    )
    created_at: dt.datetime
    updated_at: dt.datetime
    rounds: list[RoundOut] = Field(default_factory=list)
    questions: list[AskedOut] = Field(default_factory=list)

    @classmethod
    def of(cls, row: Experience) -> EntryOut:
        titles = {r.position: r.title for r in row.rounds}
        return cls(
            id=row.id,
            company=row.company,
            role=row.role,
            date=row.interview_date,
            outcome=row.outcome,
            notes=row.notes,
            shared=row.shared,
            created_at=row.created_at,
            updated_at=row.updated_at,
            rounds=[
                RoundOut(number=r.position + 1, title=r.title, notes=r.notes) for r in row.rounds
            ],
            questions=[
                AskedOut(
                    id=q.id,
                    number=q.position + 1,
                    text=q.text,
                    kind=q.kind,
                    round=q.round_position + 1 if q.round_position is not None else None,
                    round_title=titles.get(q.round_position)
                    if q.round_position is not None
                    else None,
                    practice_question_id=q.practice_question_id,
                )
                for q in row.questions
            ],
        )


@dataclass(frozen=True)
class PracticeQuestion:
    """The draft practice question made from a recorded question."""

    question_id: str
    path: Path | None
    created: bool


def load_own(session: Session, user_id: int, entry_id: int) -> Experience:
    row = session.scalars(
        select(Experience)
        .where(Experience.id == entry_id, Experience.user_id == user_id)
        .options(selectinload(Experience.rounds), selectinload(Experience.questions))
    ).first()
    if row is None:
        raise EntryNotFound(
            f"You have no journal entry with id {entry_id}: `barraiser experiences list` (or "
            "/experiences) lists yours."
        )
    return row


def _fill(row: Experience, data: EntryData) -> None:
    row.company, row.role, row.interview_date = data.company, data.role, data.interview_date
    row.outcome, row.notes = data.outcome, data.notes


class Journal:
    """Reads and writes the journal's entries for one store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def list(self, user_id: int) -> list[EntryOut]:
        """The user's entries, newest interview first."""
        with self.store.session() as session:
            rows = session.scalars(
                select(Experience)
                .where(Experience.user_id == user_id)
                .options(selectinload(Experience.rounds), selectinload(Experience.questions))
                .order_by(Experience.interview_date.desc(), Experience.id.desc())
            ).all()
            return [EntryOut.of(row) for row in rows]

    def get(self, user_id: int, entry_id: int) -> EntryOut:
        """One of the user's entries; raises :class:`EntryNotFound` for any other id."""
        with self.store.session() as session:
            return EntryOut.of(load_own(session, user_id, entry_id))

    def create(self, user_id: int, data: EntryData) -> EntryOut:
        """Save a new entry (committed before this returns)."""
        with self.store.session() as session:
            row = Experience(user_id=user_id, shared=False)  # shared only when its author says
            _fill(row, data)
            row.rounds = [
                ExperienceRound(position=i, title=r.title, notes=r.notes)
                for i, r in enumerate(data.rounds)
            ]
            row.questions = [_new_question(i, q) for i, q in enumerate(data.questions)]
            session.add(row)
            session.flush()
            entry_id = row.id
        return self.get(user_id, entry_id)

    def update(self, user_id: int, entry_id: int, data: EntryData) -> EntryOut:
        """Replace an entry's fields, rounds and questions; a question given with its ``id``
        keeps its practice question, one left out is deleted."""
        with self.store.session() as session:
            row = load_own(session, user_id, entry_id)
            existing = {q.id: q for q in row.questions}
            unknown = [
                Problem(
                    f"questions[{i}].id",
                    f"Question {i + 1} has the id {q.id}, which is not a question of this entry: "
                    "leave the id out to add it as a new question.",
                )
                for i, q in enumerate(data.questions)
                if q.id is not None and q.id not in existing
            ]
            if unknown:
                raise EntryInvalid(unknown)
            _fill(row, data)
            # Rounds are replaced whole; positions are unique, so the old rows go first.
            row.rounds = []
            session.flush()
            row.rounds = [
                ExperienceRound(position=i, title=r.title, notes=r.notes)
                for i, r in enumerate(data.rounds)
            ]
            kept: list[ExperienceQuestion] = []
            for i, asked in enumerate(data.questions):
                if asked.id is None:
                    kept.append(_new_question(i, asked))
                    continue
                question = existing[asked.id]
                if question.text != asked.text:
                    # Another question now: its old practice question no longer matches it.
                    question.practice_question_id = None
                question.position, question.text, question.kind = i, asked.text, asked.kind
                question.round_position = asked.round - 1 if asked.round is not None else None
                kept.append(question)
            row.questions = kept
            row.updated_at = utcnow()  # also when only its rounds or questions changed
        return self.get(user_id, entry_id)

    def delete(self, user_id: int, entry_id: int) -> None:
        """Delete an entry with its rounds and questions (draft question files are kept: they
        are the user's content now)."""
        with self.store.session() as session:
            session.delete(load_own(session, user_id, entry_id))

    def practice_question(
        self, user_id: int, entry_id: int, question_id: int, bank: Bank, folder: Path
    ) -> PracticeQuestion:
        """Make (once) a draft practice question of a recorded question, in the user content
        folder ``folder``, and add it to ``bank``; the entry is already saved.

        A coding question raises :class:`DraftRefused` (it needs a judge problem with tests).
        """
        with _practice_lock:
            return self._practice_question(user_id, entry_id, question_id, bank, folder)

    def _practice_question(
        self, user_id: int, entry_id: int, question_id: int, bank: Bank, folder: Path
    ) -> PracticeQuestion:
        with self.store.session() as session:
            row = load_own(session, user_id, entry_id)
            asked = next((q for q in row.questions if q.id == question_id), None)
            if asked is None:
                raise EntryNotFound(
                    f"Entry {entry_id} has no question with id {question_id}: open the entry to "
                    "see its questions."
                )
            made = asked.practice_question_id
            if made is not None and made in bank.questions:
                return PracticeQuestion(made, None, created=False)
            if not can_draft(asked.kind):
                raise DraftRefused(CODING_REFUSED)
            round_title = next(
                (r.title for r in row.rounds if r.position == asked.round_position), None
            )
            source = DraftSource(
                text=asked.text,
                kind=asked.kind,
                company=row.company,
                role=row.role,
                interview_date=row.interview_date,
                round_title=round_title,
            )
        question, path = write_draft(folder, bank, source)
        with self.store.session() as session:
            stored = session.get(ExperienceQuestion, question_id)
            if stored is not None:
                stored.practice_question_id = question.id
        return PracticeQuestion(question.id, path, created=True)

    def source_of(self, user_id: int, practice_question_id: str) -> EntryOut | None:
        """The user's entry whose question became this practice question, if any."""
        with self.store.session() as session:
            entry_id = session.scalar(
                select(Experience.id)
                .join(ExperienceQuestion, ExperienceQuestion.experience_id == Experience.id)
                .where(
                    Experience.user_id == user_id,
                    ExperienceQuestion.practice_question_id == practice_question_id,
                )
                .limit(1)
            )
        return self.get(user_id, entry_id) if entry_id is not None else None


def _new_question(position: int, asked: AskedData) -> ExperienceQuestion:
    return ExperienceQuestion(
        position=position,
        text=asked.text,
        kind=asked.kind,
        round_position=asked.round - 1 if asked.round is not None else None,
    )
