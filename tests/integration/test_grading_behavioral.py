"""Behavioural analysis, follow-ups and feedback with the real embedding model."""

from __future__ import annotations

import pytest

from barraiser.content.bank import get_bank
from barraiser.content.schemas import Question
from barraiser.grading.behavioral import StarAnalysis, analyze_behavioral
from barraiser.grading.embeddings import SentenceTransformerBackend
from barraiser.grading.feedback import build_feedback
from barraiser.grading.followups import pick_follow_ups, question_from_key_point
from barraiser.grading.result import KeyPointResult, MisconceptionResult


@pytest.fixture(scope="module")
def backend() -> SentenceTransformerBackend:
    return SentenceTransformerBackend()


def _analyze(answer: str, backend: SentenceTransformerBackend) -> StarAnalysis:
    return analyze_behavioral(answer, list(get_bank().principles.values()), backend)


def _question(qid: str) -> Question:
    return get_bank().question(qid)


@pytest.mark.parametrize(
    ("qid", "expected_lp"),
    [
        ("prioritizing-multiple-deadlines", "deliver-results"),
        ("mentored-a-teammate", "hire-and-develop-the-best"),
    ],
)
def test_good_star_story_has_all_parts_and_its_principle(
    qid: str, expected_lp: str, backend: SentenceTransformerBackend
) -> None:
    q = _question(qid)
    star = _analyze(q.model_answer, backend)
    assert star.missing_parts == []
    assert not star.hypothetical
    assert star.result_has_number
    assert not star.ownership.we_dominates
    assert expected_lp in [m.id for m in star.principles]
    match = next(m for m in star.principles if m.id == expected_lp)
    assert match.evidence in [s.text for s in star.sentences]


def test_we_only_story_gets_ownership_advice(backend: SentenceTransformerBackend) -> None:
    partial = next(
        c.answer
        for c in _question("prioritizing-multiple-deadlines").calibration
        if c.level == "partial"
    )
    star = _analyze(partial, backend)
    assert star.ownership.we_dominates
    assert star.ownership.we_count > star.ownership.i_count
    assert any("Say what *you* did" in a for a in star.advice)
    assert any("Result has no number" in a for a in star.advice)


def test_hypothetical_answer_is_flagged(backend: SentenceTransformerBackend) -> None:
    weak = next(
        c.answer
        for c in _question("prioritizing-multiple-deadlines").calibration
        if c.level == "weak"
    )
    star = _analyze(weak, backend)
    assert star.hypothetical
    assert star.advice[0].startswith("This is hypothetical")
    assert "action" in star.missing_parts and "result" in star.missing_parts
    assert star.length.verdict == "too-short"


def test_result_without_numbers_gets_number_advice(backend: SentenceTransformerBackend) -> None:
    answer = (
        "Last year I was the only ML engineer on the recommendations team at a retailer. "
        "My goal was to fix the ranking model before the holiday sale. "
        "I analysed the logs, found a stale feature and rebuilt the pipeline. "
        "I also added a check that fails the job when a feature goes missing. "
        "As a result, the recommendations got much better and the team was happy."
    )
    star = _analyze(answer, backend)
    assert star.parts["result"].present
    assert not star.result_has_number
    assert any("Result has no number" in a for a in star.advice)
    assert star.ownership.i_count > star.ownership.we_count


def _kp(q: Question, statuses: dict[str, str]) -> list[KeyPointResult]:
    assert q.rubric is not None
    return [
        KeyPointResult(
            id=kp.id,
            text=kp.text,
            weight=kp.weight,
            status=statuses.get(kp.id, "covered"),
            similarity=0.0,
            credit=1.0 if statuses.get(kp.id, "covered") == "covered" else 0.0,
            evidence="I ranked them by what it cost if each slipped."
            if statuses.get(kp.id, "covered") == "covered"
            else None,
        )
        for kp in q.rubric.key_points
    ]


def test_follow_ups_probe_missed_points() -> None:
    q = _question("prioritizing-multiple-deadlines")
    kps = _kp(q, {"quantified-result": "missed", "reflection": "partly"})
    picks = pick_follow_ups(q.rubric, kps)
    assert picks[0].question.startswith("How did you know the outcome was good?")
    assert picks[0].probes == ["quantified-result"]
    assert any("reflection" in p.probes for p in picks)
    assert 1 <= len(picks) <= 3


def test_follow_up_built_from_key_point_without_rubric_follow_up() -> None:
    q = _question("prioritizing-multiple-deadlines")
    assert q.rubric is not None
    rubric = q.rubric.model_copy(update={"follow_ups": []})
    picks = pick_follow_ups(rubric, _kp(q, {"decision-criteria": "missed"}))
    assert picks[0].source == "key-point"
    assert picks[0].question.startswith("Can you state explicit criteria for the order")
    assert question_from_key_point("Gives a quantified result for each deadline.") == (
        "Can you give a quantified result for each deadline?"
    )


def test_star_gaps_become_follow_ups(backend: SentenceTransformerBackend) -> None:
    q = _question("prioritizing-multiple-deadlines")
    weak = next(c.answer for c in q.calibration if c.level == "weak")
    star = _analyze(weak, backend)
    picks = pick_follow_ups(q.rubric, _kp(q, {"real-past-situation": "missed"}), star)
    assert any(p.source == "star" for p in picks)
    assert len(picks) <= 3


def test_feedback_quotes_evidence_and_names_missed_points(
    backend: SentenceTransformerBackend,
) -> None:
    q = _question("prioritizing-multiple-deadlines")
    partial = next(c.answer for c in q.calibration if c.level == "partial")
    star = _analyze(partial, backend)
    kps = _kp(q, {"quantified-result": "missed", "own-actions-i": "missed"})
    wrong = [
        MisconceptionResult(
            id="we-is-fine",
            statement="Saying we is fine",
            correction="The interviewer is assessing you.",
            evidence="We sat down as a team.",
            similarity=0.9,
        )
    ]
    feedback = build_feedback(48, kps, wrong, star, q)
    assert '"I ranked them by what it cost if each slipped."' in feedback.text
    assert "Missing: Gives a quantified result" in feedback.text
    assert 'You said "We sat down as a team." The interviewer is assessing you.' in feedback.text
    assert "Say what *you* did" in feedback.text
    # The related question by its title, not its id: another story on the same principles.
    assert "A deadline you missed" in (feedback.next_step or "")
    assert "Why do you want to work with us?" not in (feedback.next_step or "")
    assert feedback.text.startswith("Score 48/100: a weak answer")
