"""The experiences journal on real databases (SQLite and PostgreSQL): saved, edited, deleted,
private to its user, and a recorded question made a draft practice question once."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from barraiser.content.loader import default_content_dir, load_bank
from barraiser.journal import EntryInvalid, EntryNotFound, Journal, parse_entry
from barraiser.store import Store, User, ensure_local_user
from barraiser.store.models import Experience, ExperienceQuestion, ExperienceRound

TODAY = date(2026, 12, 4)
ENTRY = {
    "company": "Acme",
    "role": "ML engineer",
    "date": "2026-11-30",
    "outcome": "pending",
    "notes": "Four rounds in one day.",
    "rounds": [{"title": "Phone screen", "notes": "Coding, then ML."}, {"title": "Bar Raiser"}],
    "questions": [
        {"text": "How would you detect label leakage?", "kind": "ml", "round": 1},
        {
            "text": "Tell me about a time you disagreed with a senior colleague.",
            "kind": "behavioural",
            "round": 2,
        },
    ],
}


def _users(store: Store) -> tuple[int, int]:
    with store.session() as session:
        local = ensure_local_user(session).id
        other = User(name="Someone else", is_local=False)
        session.add(other)
        session.flush()
        return local, other.id


def test_an_entry_round_trips_and_is_private(store: Store) -> None:
    me, other = _users(store)
    journal = Journal(store)
    saved = journal.create(me, parse_entry(ENTRY, TODAY))
    # Committed: a fresh session sees it.
    with store.session() as session:
        row = session.get(Experience, saved.id)
        assert row is not None and row.user_id == me and row.shared is False
        assert row.interview_date == date(2026, 11, 30)
    entry = journal.get(me, saved.id)
    assert (entry.company, entry.role, entry.outcome, entry.shared) == (
        "Acme",
        "ML engineer",
        "pending",
        False,
    )
    assert [(r.number, r.title) for r in entry.rounds] == [(1, "Phone screen"), (2, "Bar Raiser")]
    assert [(q.number, q.kind, q.round, q.round_title) for q in entry.questions] == [
        (1, "ml", 1, "Phone screen"),
        (2, "behavioural", 2, "Bar Raiser"),
    ]
    assert entry.created_at.tzinfo is not None
    # Another user sees none of it, and cannot read, change or delete it.
    assert journal.list(other) == []
    with pytest.raises(EntryNotFound):
        journal.get(other, saved.id)
    with pytest.raises(EntryNotFound):
        journal.update(other, saved.id, parse_entry({**ENTRY, "company": "Hacked"}, TODAY))
    with pytest.raises(EntryNotFound):
        journal.delete(other, saved.id)
    assert journal.get(me, saved.id).company == "Acme"


def test_editing_keeps_questions_by_id_and_deleting_cascades(store: Store, tmp_path: Path) -> None:
    me, _ = _users(store)
    journal = Journal(store)
    entry = journal.create(me, parse_entry(ENTRY, TODAY))
    bank = load_bank([default_content_dir()], user_dir=tmp_path / "content")
    first, second = entry.questions
    made = journal.practice_question(me, entry.id, first.id, bank, tmp_path / "content")
    edited = {
        **ENTRY,
        "company": "Acme Corp",
        "outcome": "offer",
        "rounds": [{"title": "Onsite"}],
        "questions": [
            {"id": first.id, "text": first.text, "kind": "ml", "round": 1},
            {"text": "Design a feature store.", "kind": "system-design"},
        ],
    }
    after = journal.update(me, entry.id, parse_entry(edited, TODAY))
    assert (after.company, after.outcome) == ("Acme Corp", "offer")
    assert [r.title for r in after.rounds] == ["Onsite"]
    assert [q.text for q in after.questions] == [first.text, "Design a feature store."]
    assert after.questions[0].id == first.id
    assert after.questions[0].practice_question_id == made.question_id
    assert after.updated_at >= entry.updated_at
    assert second.id not in {q.id for q in after.questions}
    # An id that is not this entry's is refused, and nothing changes.
    with pytest.raises(EntryInvalid, match="not a question of this entry"):
        journal.update(
            me,
            entry.id,
            parse_entry(
                {**edited, "company": "X", "questions": [{"id": 10_000, "text": "Q?"}]}, TODAY
            ),
        )
    assert journal.get(me, entry.id).company == "Acme Corp"
    journal.delete(me, entry.id)
    with store.session() as session:
        for table in (Experience, ExperienceRound, ExperienceQuestion):
            assert session.scalar(select(func.count()).select_from(table)) == 0
    # The draft is the user's content now: deleting the entry keeps it.
    assert made.path is not None and made.path.exists()


def test_a_practice_question_is_made_once(store: Store, tmp_path: Path) -> None:
    me, other = _users(store)
    journal = Journal(store)
    entry = journal.create(me, parse_entry(ENTRY, TODAY))
    folder = tmp_path / "content"
    bank = load_bank([default_content_dir()], user_dir=folder)
    question = entry.questions[1]
    made = journal.practice_question(me, entry.id, question.id, bank, folder)
    assert made.created and made.path is not None
    assert bank.questions[made.question_id].kind == "behavioral"
    assert bank.questions[made.question_id].draft
    again = journal.practice_question(me, entry.id, question.id, bank, folder)
    assert (again.question_id, again.created) == (made.question_id, False)
    assert len(list(folder.rglob("*.yaml"))) == 1
    assert journal.source_of(me, made.question_id) == journal.get(me, entry.id)
    assert journal.source_of(other, made.question_id) is None
    with pytest.raises(EntryNotFound):
        journal.practice_question(other, entry.id, question.id, bank, folder)
    with pytest.raises(EntryNotFound):
        journal.practice_question(me, entry.id, 10_000, bank, folder)


def test_a_double_click_makes_one_draft(store: Store, tmp_path: Path) -> None:
    """Two requests at once for the same question (a double click): one draft, not two."""
    me, _ = _users(store)
    questions = [{"text": f"How would you detect leakage {n}?", "kind": "ml"} for n in range(5)]
    entry = Journal(store).create(me, parse_entry({**ENTRY, "questions": questions}, TODAY))
    folder = tmp_path / "content"
    bank = load_bank([default_content_dir()], user_dir=folder)
    for question in entry.questions:
        both = threading.Barrier(2)

        def click(question_id: int = question.id, both: threading.Barrier = both) -> str:
            both.wait()
            made = Journal(store).practice_question(me, entry.id, question_id, bank, folder)
            return made.question_id

        with ThreadPoolExecutor(max_workers=2) as pool:
            made = [pool.submit(click) for _ in range(2)]
            first, second = (m.result() for m in made)
        assert first == second
    assert len(list(folder.rglob("*.yaml"))) == len(entry.questions)
    assert len(bank.own_questions) == len(entry.questions)


def test_a_coding_question_is_refused_and_nothing_is_written(store: Store, tmp_path: Path) -> None:
    from barraiser.journal import DraftRefused

    me, _ = _users(store)
    coding = {"text": "Reverse a linked list in place.", "kind": "coding"}
    entry = Journal(store).create(me, parse_entry({**ENTRY, "questions": [coding]}, TODAY))
    folder = tmp_path / "content"
    bank = load_bank([default_content_dir()], user_dir=folder)
    with pytest.raises(DraftRefused, match="coding questions need a judge problem with tests"):
        Journal(store).practice_question(me, entry.id, entry.questions[0].id, bank, folder)
    assert not folder.exists() and not bank.own_questions
    assert Journal(store).get(me, entry.id).questions[0].practice_question_id is None


def test_the_database_refuses_unknown_outcomes_and_kinds(store: Store) -> None:
    me, _ = _users(store)
    with pytest.raises(IntegrityError), store.session() as session:
        session.add(
            Experience(user_id=me, company="A", role="B", interview_date=TODAY, outcome="ghosted")
        )
    with store.session() as session:
        row = Experience(user_id=me, company="A", role="B", interview_date=TODAY)
        session.add(row)
        session.flush()
        row_id = row.id
    with pytest.raises(IntegrityError), store.session() as session:
        session.add(ExperienceQuestion(experience_id=row_id, position=0, text="Q", kind="trivia"))
