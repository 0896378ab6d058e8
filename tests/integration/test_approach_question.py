"""The approach question of a coding round, on a real store and the real sandboxed judge.

An accepted submission opens the question; a right account of the complexity scores high, a
wrong one low, and the round's communication rating follows the score.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from tempfile import gettempdir

import pytest
from markupsafe import escape

from barraiser.config import Settings
from barraiser.content.bank import get_bank
from barraiser.content.loader import Bank
from barraiser.interview.answers import AnswerService
from barraiser.interview.approach import SKIPPED_SCORE
from barraiser.interview.engine import InterviewError, InterviewService
from barraiser.interview.models import Scorecard
from barraiser.interview.report import report_html
from barraiser.interview.submissions import SubmissionService
from barraiser.judge.sandbox import Sandbox
from barraiser.store import Store, ensure_local_user

ROOT = Path(__file__).parents[2]


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 27, 9, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture(scope="module")
def bank() -> Bank:
    return get_bank()


def _user(store: Store) -> int:
    with store.session() as session:
        return ensure_local_user(session).id


def _wait_done(submissions: SubmissionService, submission_id: int) -> str | None:
    deadline = time.monotonic() + 120
    while (state := submissions.status(submission_id)) is None or state.status != "done":
        assert time.monotonic() < deadline, "the judge took too long"
        time.sleep(0.1)
    return state.verdict


def _communication(card: Scorecard) -> tuple[str | None, float | None, list[str]]:
    rating = next(c for c in card.competencies if c.id == "communication")
    return rating.rating, rating.score, [e.text for e in rating.evidence]


def test_an_accepted_submission_opens_the_approach_question_and_it_counts_in_communication(
    store: Store, bank: Bank, sandbox: Sandbox
) -> None:
    clock = Clock()
    submissions = SubmissionService(store, bank.problems, slots=1)
    submissions.start()
    try:
        answers = AnswerService(store, bank, Settings(data_dir=Path(gettempdir())))
        service = InterviewService(
            store, bank, answers=answers, submissions=submissions, clock=clock
        )
        user = _user(store)

        # A loop: the quick loop's coding round asks (it assesses communication).
        sid = service.start_loop(user, "quick", seed=5)
        coding = service.start_round(user, sid).rounds[0].items[0]
        assert coding.problem_id and coding.approach is None
        problem = bank.problems[coding.problem_id].problem
        with pytest.raises(InterviewError, match="once a submission is accepted"):
            service.answer_approach(user, sid, coding.id, "A hash map, O(n) time.")
        folder = ROOT / "content/problems" / coding.problem_id / "solutions"
        wrong = next(s for s in problem.solutions if s.expect == "WA" and s.language == "python")
        wrong_id = service.submit_code(
            user, sid, coding.id, "python", (folder / wrong.file).read_text(), "submit"
        )
        assert _wait_done(submissions, wrong_id) == "WA"
        item = service.view(user, sid).rounds[0].items[0]
        assert item.approach is None  # a rejected submission asks nothing
        reference = (folder / "reference.py").read_text()
        submit_id = service.submit_code(user, sid, coding.id, "python", reference, "submit")
        assert _wait_done(submissions, submit_id) == "AC"
        item = service.view(user, sid).rounds[0].items[0]
        assert item.approach is not None and item.approach.answer_id is None
        assert "time and space complexity" in item.approach.question

        complexity = problem.complexity
        right = (
            f"I used {complexity.approach_terms[0]}. It runs in {complexity.time} time and "
            f"needs {complexity.space} extra memory. The trade-off is memory for speed: "
            "checking every combination would be far slower."
        )
        clock.advance(60)
        outcome = service.answer_approach(user, sid, coding.id, right)
        assert outcome.grade is None and not outcome.late  # a loop grades in the debrief
        item = service.view(user, sid).rounds[0].items[0]
        assert item.approach is not None and item.approach.answer_text == right
        with pytest.raises(InterviewError, match="already explained"):
            service.answer_approach(user, sid, coding.id, right)
        service.skip(user, sid, coding.id)
        service.start_round(user, sid)
        service.finish_round(user, sid)
        debrief = service.debrief(user, sid)
        card = debrief.scorecards[0]
        approach = card.items[0].approach
        assert approach is not None and approach.answered and approach.grade is not None
        assert approach.score == 100 and approach.answer_text == right
        assert [p.status for p in approach.grade.parts] == ["correct"] * 4
        rating, score, evidence = _communication(card)
        assert rating == "strong-hire" and score == 100
        assert any(complexity.time in text for text in evidence)
        # The coding rating itself is the verdict's, unchanged: one rejected submit, then AC.
        assert card.items[0].score == 95
        # The debrief shows the question, the answer and what each part earned.
        html = report_html(debrief, bank)
        assert 'data-approach-score="100"' in html and str(escape(right)) in html
        assert "Time complexity (40/40)" in html

        # Practice: the grade comes back at once; a wrong bound earns nothing for it.
        sid = service.start_practice(user, item_id="problem:two-sum")
        item = service.view(user, sid).rounds[0].items[0]
        two_sum = ROOT / "content/problems/two-sum/solutions/reference.py"
        submit_id = service.submit_code(user, sid, item.id, "python", two_sum.read_text(), "submit")
        assert _wait_done(submissions, submit_id) == "AC"
        wrong_answer = (
            "I check every pair of prices with two nested loops, so it is O(n^2) time and O(1) "
            "space."
        )
        practice = service.answer_approach(user, sid, item.id, wrong_answer)
        grade = practice.grade
        assert grade is not None and grade.score < 40
        time_part, space_part = grade.part("time"), grade.part("space")
        assert time_part.status == "wrong" and time_part.claimed == "O(n^2)"
        assert time_part.expected == "O(n)" and time_part.evidence == wrong_answer
        assert space_part.status == "wrong" and space_part.points == 0
        service.skip(user, sid, item.id)
        card = service.debrief(user, sid).scorecards[0]
        rating, score, _ = _communication(card)
        assert rating in ("no", "strong-no") and score == grade.score
        # A wrong account of one's own code costs more than saying nothing about it.
        assert score is not None and score < SKIPPED_SCORE
        assert card.items[0].verdict == "AC" and card.items[0].score == 100
    finally:
        submissions.stop()


def test_the_online_assessment_does_not_ask_and_an_unanswered_approach_counts_as_weak(
    store: Store, bank: Bank, sandbox: Sandbox
) -> None:
    clock = Clock()
    submissions = SubmissionService(store, bank.problems, slots=1)
    submissions.start()
    try:
        service = InterviewService(store, bank, submissions=submissions, clock=clock)
        user = _user(store)
        # Practise the online assessment: an automated judge, no communication assessed.
        sid = service.start_practice(user, loop_id="amazon-mle", round_id="online-assessment")
        coding = service.view(user, sid).rounds[0].items[0]
        assert coding.problem_id
        source = ROOT / "content/problems" / coding.problem_id / "solutions/reference.py"
        submit_id = service.submit_code(
            user, sid, coding.id, "python", source.read_text(), "submit"
        )
        assert _wait_done(submissions, submit_id) == "AC"
        assert service.view(user, sid).rounds[0].items[0].approach is None
        with pytest.raises(InterviewError, match="does not ask about the approach"):
            service.answer_approach(user, sid, coding.id, "O(n) time.")

        # A round that asks: moving on without answering, with time to spare, counts against
        # communication as a weak explanation ("no"), not as a wrong one: the code was accepted.
        sid = service.start_practice(user, item_id="problem:valid-parentheses")
        item = service.view(user, sid).rounds[0].items[0]
        source = ROOT / "content/problems/valid-parentheses/solutions/reference.py"
        submit_id = service.submit_code(user, sid, item.id, "python", source.read_text(), "submit")
        assert _wait_done(submissions, submit_id) == "AC"
        service.skip(user, sid, item.id)
        debrief = service.debrief(user, sid)
        card = debrief.scorecards[0]
        approach = card.items[0].approach
        assert approach is not None and not approach.answered and approach.had_time
        assert approach.score == SKIPPED_SCORE == 40
        rating, score, evidence = _communication(card)
        assert rating == "no" and score == SKIPPED_SCORE
        assert len(evidence) == 1
        assert evidence[0].startswith("Moved on without explaining the accepted solution's")
        assert "weak explanation (40/100), not as a wrong one" in evidence[0]
        # The debrief says it in words.
        assert str(escape(evidence[0])) in report_html(debrief, bank)
    finally:
        submissions.stop()


def _loop_to_the_debrief(service: InterviewService, user: int, sid: str) -> Scorecard:
    """Take (and leave) the quick loop's second round; the coding round's scorecard."""
    view = service.view(user, sid)
    assert view.rounds[0].status == "finished" and view.rounds[1].status == "pending"
    service.start_round(user, sid)
    service.finish_round(user, sid)
    return service.debrief(user, sid).scorecards[0]


def _spend(service: InterviewService, user: int, sid: str, clock: Clock, seconds: float) -> None:
    """The candidate works on, the round page open (its heartbeat every 15 s)."""
    for _ in range(int(seconds // 15)):
        clock.advance(15)
        service.heartbeat(user, sid)


def test_an_approach_question_the_time_cut_off_does_not_count(
    store: Store, bank: Bank, sandbox: Sandbox
) -> None:
    clock = Clock()
    submissions = SubmissionService(store, bank.problems, slots=1)
    submissions.start()
    try:
        service = InterviewService(store, bank, submissions=submissions, clock=clock)
        user = _user(store)
        # The quick loop's 20-minute coding round: accepted with a minute left, then time runs
        # out before the candidate can explain it.
        sid = service.start_loop(user, "quick", seed=5)
        coding = service.start_round(user, sid).rounds[0].items[0]
        assert coding.problem_id
        _spend(service, user, sid, clock, 19 * 60)
        source = ROOT / "content/problems" / coding.problem_id / "solutions/reference.py"
        submit_id = service.submit_code(
            user, sid, coding.id, "python", source.read_text(), "submit"
        )
        assert _wait_done(submissions, submit_id) == "AC"
        assert service.view(user, sid).rounds[0].items[0].approach is not None
        _spend(service, user, sid, clock, 120)
        view = service.view(user, sid)
        assert view.rounds[0].status == "finished" and view.rounds[0].ended_by == "time"
        card = _loop_to_the_debrief(service, user, sid)
        approach = card.items[0].approach
        assert approach is not None and not approach.answered and not approach.had_time
        assert approach.score is None
        # Communication is not rated from it ("not shown"), and the debrief says why.
        rating, score, evidence = _communication(card)
        assert rating is None and score is None
        assert evidence == [
            "The code was accepted with under 2 minutes left and the time ran out before the "
            "approach could be explained: not counted."
        ]
        assert card.items[0].score == 100  # the code itself counts in full

        # Accepted with ten minutes left and explained only after the time ran out: the
        # candidate had the time, so it counts as skipped, not as nothing.
        sid = service.start_loop(user, "quick", seed=5)
        coding = service.start_round(user, sid).rounds[0].items[0]
        assert coding.problem_id
        _spend(service, user, sid, clock, 10 * 60)
        source = ROOT / "content/problems" / coding.problem_id / "solutions/reference.py"
        submit_id = service.submit_code(
            user, sid, coding.id, "python", source.read_text(), "submit"
        )
        assert _wait_done(submissions, submit_id) == "AC"
        _spend(service, user, sid, clock, 10 * 60 + 15)
        clock.advance(20)  # within the grace: the answer is taken, and marked late
        outcome = service.answer_approach(user, sid, coding.id, "A hash map, linear time.")
        assert outcome.late and outcome.round_finished
        card = _loop_to_the_debrief(service, user, sid)
        approach = card.items[0].approach
        assert approach is not None and approach.answered and approach.late
        assert approach.had_time and approach.score == SKIPPED_SCORE
        rating, score, evidence = _communication(card)
        assert rating == "no" and score == SKIPPED_SCORE
        assert evidence[0].startswith("Explained the approach only after the time ran out")
    finally:
        submissions.stop()
