"""Feedback speaks in words: follow-up reasons name the missed points, next steps name the lab
or question (never an id, never a command line)."""

from __future__ import annotations

import pytest

from barraiser.content.bank import get_bank
from barraiser.content.schemas import Question
from barraiser.grading.feedback import build_feedback
from barraiser.grading.followups import pick_follow_ups
from barraiser.grading.hooks import default_follow_ups
from barraiser.grading.result import GradeResult, KeyPointResult
from barraiser.grading.rubric import from_question

#: A behavioural question whose rubric follow-ups probe key points by id.
QUESTION_ID = "bold-idea-you-championed"


@pytest.fixture(scope="module")
def question() -> Question:
    return get_bank().questions[QUESTION_ID]


def _missed_everything(question: Question) -> list[KeyPointResult]:
    assert question.rubric is not None
    return [
        KeyPointResult(
            id=kp.id, text=kp.text, weight=kp.weight, status="missed", similarity=0.1, credit=0.0
        )
        for kp in question.rubric.key_points
    ]


def _probing_reasons(reasons: list[str]) -> list[str]:
    found = [r for r in reasons if r.lower().startswith("probes what the answer missed")]
    assert found, reasons
    return found


def test_follow_up_reasons_name_the_missed_points_in_words(question: Question) -> None:
    assert question.rubric is not None
    picks = pick_follow_ups(question.rubric, _missed_everything(question))
    texts = {kp.id: kp.text for kp in question.rubric.key_points}
    for pick in picks:
        if pick.source != "rubric":
            continue
        for point_id in pick.probes:
            assert point_id not in pick.reason, pick.reason
            words = texts[point_id].rstrip(".")
            assert words[1:] in pick.reason, (words, pick.reason)
    _probing_reasons([p.reason for p in picks])


def test_the_simple_follow_up_hook_names_the_points_in_words(question: Question) -> None:
    assert question.rubric is not None
    result = GradeResult(score=10, key_points=_missed_everything(question))
    suggestions = default_follow_ups(result, from_question(question))
    for reason in _probing_reasons([s.reason for s in suggestions]):
        for kp in question.rubric.key_points:
            assert kp.id not in reason, reason
    first = suggestions[0]
    assert texts_in(question, first.probes[0]) in first.reason


def texts_in(question: Question, point_id: str) -> str:
    assert question.rubric is not None
    text = next(kp.text for kp in question.rubric.key_points if kp.id == point_id)
    return text.rstrip(".")[1:]


def test_the_next_step_names_the_lab_without_a_command_line() -> None:
    question = get_bank().questions["choosing-between-two-accuracies"]
    assert question.labs == ["two-accuracies"]
    feedback = build_feedback(40, [], question=question)
    assert feedback.next_step is not None
    assert "barraiser" not in feedback.text and "`" not in feedback.text
    assert "two-accuracies" not in feedback.next_step
    assert "Choosing between two accuracies" in feedback.next_step


def test_the_next_step_names_a_related_question_by_its_title() -> None:
    bank = get_bank()
    question = bank.questions["prioritizing-multiple-deadlines"]
    related = bank.questions[question.related[0]]
    feedback = build_feedback(40, [], question=question)
    assert feedback.next_step is not None
    assert related.id not in feedback.next_step
    assert related.title in feedback.next_step
