"""The experiences journal's input checks: every bad input is one clear sentence, nothing else."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, get_args

import pytest

from barraiser.content.drafts import ASKED_KINDS
from barraiser.journal import EntryInvalid, parse_entry
from barraiser.journal.entries import MAX_NOTE_CHARS, OUTCOMES
from barraiser.store.models import ExperienceOutcome, ExperienceQuestionKind

TODAY = date(2026, 12, 4)
GOOD: dict[str, Any] = {
    "company": "  Acme  ",
    "role": "ML engineer",
    "date": "2026-11-30",
    "outcome": "pending",
    "rounds": [{"title": "Phone screen", "notes": "Coding then ML."}, {"title": "Onsite"}],
    "questions": [
        {"text": "How would you detect label leakage?", "kind": "ml", "round": 1},
        {"text": "Tell me about a time you disagreed.", "kind": "behavioral", "round": "2"},
        {"text": "Design a feature store."},
    ],
}


def problems(raw: dict[str, Any]) -> list[str]:
    with pytest.raises(EntryInvalid) as caught:
        parse_entry(raw, TODAY)
    assert caught.value.problems, "EntryInvalid must say what is wrong"
    return [p.message for p in caught.value.problems]


def test_a_good_entry_is_read_whole() -> None:
    entry = parse_entry(GOOD, TODAY)
    assert (entry.company, entry.role, entry.interview_date) == (
        "Acme",
        "ML engineer",
        date(2026, 11, 30),
    )
    assert entry.outcome == "pending"
    assert [r.title for r in entry.rounds] == ["Phone screen", "Onsite"]
    assert [(q.kind, q.round) for q in entry.questions] == [
        ("ml", 1),
        ("behavioural", 2),
        ("other", None),
    ]


def test_the_store_and_the_checks_agree_on_kinds_and_outcomes() -> None:
    assert get_args(ExperienceQuestionKind) == ASKED_KINDS
    assert get_args(ExperienceOutcome) == OUTCOMES


def test_an_empty_company_is_refused_with_a_sentence() -> None:
    assert problems({**GOOD, "company": "   "}) == [
        "The company is empty: write the company you interviewed with."
    ]


def test_a_date_more_than_a_day_ahead_is_refused_but_tomorrow_is_not() -> None:
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    assert parse_entry({**GOOD, "date": tomorrow}, TODAY).interview_date.isoformat() == tomorrow
    later = (TODAY + timedelta(days=2)).isoformat()
    [message] = problems({**GOOD, "date": later})
    assert message.startswith(f"The date {later} is in the future")


@pytest.mark.parametrize("value", ["", "30/11/2026", "yesterday", "2026-02-30"])
def test_a_missing_or_malformed_date_says_how_to_write_it(value: str) -> None:
    [message] = problems({**GOOD, "date": value})
    assert "YYYY-MM-DD" in message


def test_a_200000_character_note_is_refused_and_its_size_told() -> None:
    huge = "x" * 200_000
    assert problems({**GOOD, "notes": huge}) == [
        f"The notes are 200,000 characters long; at most {MAX_NOTE_CHARS:,} are kept. Shorten "
        "them to what you want to remember and save again."
    ]
    rounds = [{"title": "Onsite", "notes": huge}]
    [message] = problems({**GOOD, "rounds": rounds, "questions": []})
    assert message.startswith("The notes of round 1 are 200,000 characters long")


def test_every_problem_is_reported_at_once() -> None:
    found = problems(
        {
            "company": "",
            "role": "",
            "date": "2999-01-01",
            "outcome": "ghosted",
            "rounds": [{"title": "", "notes": "forgot the name"}],
            "questions": [{"text": "", "kind": "trivia", "round": 4}],
        }
    )
    assert len(found) == 8, found
    assert any("outcome 'ghosted'" in m for m in found)
    assert any(m.startswith("Round 1 has no title") for m in found)
    assert any(m.startswith("Question 1 has no text") for m in found)
    assert any("kind 'trivia'" in m for m in found)
    assert any("names round '4', but the entry has 1 round:" in m for m in found)


def test_outcome_may_be_left_out_and_is_read_loosely() -> None:
    assert parse_entry({**GOOD, "outcome": None}, TODAY).outcome is None
    assert parse_entry({**GOOD, "outcome": "No reply"}, TODAY).outcome == "no-reply"
