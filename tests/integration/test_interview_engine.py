"""The interview engine on real stores (SQLite, PostgreSQL), the real grader and the real judge.

Time is an injected clock (a real ``datetime`` the test moves forward), so the round clocks,
time away and time-outs are checked exactly without waiting.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from tempfile import gettempdir

import pytest
from markupsafe import escape
from sqlalchemy import select

from bank_support import calibration, story_answer, weak_story
from barraiser.config import Settings
from barraiser.content.bank import get_bank
from barraiser.content.loader import Bank
from barraiser.interview.answers import AnswerService
from barraiser.interview.engine import InterviewError, InterviewService
from barraiser.interview.follow_ups import FOLLOW_UP_S
from barraiser.interview.models import ItemView
from barraiser.interview.report import report_html
from barraiser.interview.submissions import SubmissionService
from barraiser.judge.sandbox import Sandbox
from barraiser.store import Answer, ReviewCard, Store, ensure_local_user, init_store

ROOT = Path(__file__).parents[2]


class Clock:
    """A settable clock: the engine reads ``now``; the test moves it."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 27, 9, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture(scope="module")
def bank() -> Bank:
    return get_bank()


@pytest.fixture(scope="module")
def answers_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(data_dir=tmp_path_factory.mktemp("grader"))


def _user(store: Store) -> int:
    with store.session() as session:
        return ensure_local_user(session).id


def _service(
    store: Store, bank: Bank, clock: Clock, settings: Settings | None = None, **kw: object
) -> InterviewService:
    # The grader reads nothing from the data folder: any folder will do.
    answers = AnswerService(store, bank, settings or Settings(data_dir=Path(gettempdir())))
    return InterviewService(store, bank, answers=answers, clock=clock, **kw)  # type: ignore[arg-type]


def test_timers_count_time_away_as_the_loop_says(store: Store, bank: Bank) -> None:
    clock = Clock()
    service = _service(store, bank, clock)
    user = _user(store)
    for loop_id, counts in (("amazon-mle", True), ("quick", False)):
        sid = service.start_loop(user, loop_id, seed=1)
        view = service.view(user, sid)
        assert view.active_round() is None and view.next_round() is not None
        service.start_round(user, sid)
        for _ in range(8):  # the page is open for two minutes
            clock.advance(15)
            service.heartbeat(user, sid)
        clock.advance(300)  # the browser is closed for five minutes
        round_view = service.heartbeat(user, sid).active_round()
        assert round_view is not None
        assert round_view.clock.away_s == 300
        assert round_view.clock.used_s == (420 if counts else 120)
        assert round_view.clock.remaining_s == round_view.clock.allotted_s - round_view.clock.used_s
        assert len(round_view.clock.away_periods) == 1


def test_a_round_ends_when_its_time_is_up_and_a_late_answer_is_kept(
    store: Store, bank: Bank
) -> None:
    clock = Clock()
    service = _service(store, bank, clock)
    user = _user(store)
    sid = service.start_loop(user, "amazon-mle", seed=2)
    view = service.start_round(user, sid)  # recruiter screen: 15 minutes, time away counts
    first = view.rounds[0].items[0]
    clock.advance(15 * 60 + 60)
    late = service.answer(user, sid, first.id, "I want to work here because I like the customers.")
    assert late.late and late.round_finished and late.follow_up is None
    view = service.view(user, sid)
    assert view.rounds[0].status == "finished" and view.rounds[0].ended_by == "time"
    assert view.rounds[0].items[0].late
    with store.session() as session:  # nothing is lost: the late answer is stored
        stored = session.scalars(select(Answer).where(Answer.question_id == first.id)).all()
        assert [a.text for a in stored] == ["I want to work here because I like the customers."]
    with pytest.raises(InterviewError, match="No round is running"):
        service.answer(user, sid, view.rounds[0].items[1].id, "too late")


def test_the_quick_loop_from_start_to_debrief(
    store: Store, bank: Bank, sandbox: Sandbox, answers_settings: Settings
) -> None:
    clock = Clock()
    submissions = SubmissionService(store, bank.problems, slots=1)
    submissions.start()
    try:
        service = _service(store, bank, clock, answers_settings, submissions=submissions)
        user = _user(store)
        sid = service.start_loop(user, "quick", seed=5)
        view = service.start_round(user, sid)
        coding = view.rounds[0].items[0]
        assert coding.kind == "coding" and coding.problem_id
        folder = ROOT / "content/problems" / coding.problem_id / "solutions"
        reference = (folder / "reference.py").read_text()
        run_id = service.submit_code(user, sid, coding.id, "python", reference, "run")
        submit_id = service.submit_code(user, sid, coding.id, "python", reference, "submit")
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            states = [submissions.status(i) for i in (run_id, submit_id)]
            if all(s is not None and s.status == "done" for s in states):
                break
            time.sleep(0.1)
        run_state, submit_state = states
        assert run_state is not None and run_state.verdict == "AC", run_state
        assert submit_state is not None and submit_state.verdict == "AC", submit_state
        clock.advance(600)
        view = service.skip(user, sid, coding.id)  # "done with this problem": the round ends
        assert view.rounds[0].status == "finished" and view.rounds[0].ended_by == "all-answered"

        view = service.start_round(user, sid)
        ml_round = view.rounds[1]
        concept, story = ml_round.items
        assert concept.kind == "concept" and story.is_lp_question
        strong = calibration(bank, concept.id, "strong")
        outcome = service.answer(user, sid, concept.id, strong)
        assert outcome.grade is None  # a loop shows grades only in the debrief
        assert outcome.follow_up is not None and outcome.follow_up.question
        # On resume the same follow-up is waiting.
        assert service.view(user, sid).rounds[1].items[0].follow_up == outcome.follow_up
        service.answer_follow_up(
            user, sid, concept.id, "I would check it on a held-out validation set first."
        )
        service.answer(user, sid, story.id, weak_story(bank, story.id))
        view = service.skip(user, sid, story.id)  # no follow-up for this one
        assert view.rounds[1].ended_by == "all-answered"
        assert view.status == "finished"

        debrief = service.debrief(user, sid)
        assert not debrief.pending and debrief.decision is not None
        coding_card, ml_card = debrief.scorecards
        assert coding_card.items[0].verdict == "AC" and coding_card.rating == "strong-hire"
        concept_outcome, story_outcome = ml_card.items
        assert (
            concept_outcome.follow_up_answer
            == "I would check it on a held-out validation set first."
        )
        assert (concept_outcome.score or 0) > (story_outcome.score or 0)
        # The evidence quotes what the candidate wrote.
        heard = " ".join(f"{strong} {concept_outcome.follow_up_answer}".split())
        assert concept_outcome.best_quote and concept_outcome.best_quote in heard
        assert {p.id for p in ml_card.principles} >= set(
            bank.questions[story.id].leadership_principles
        )
        assert debrief.weakest and debrief.weakest[0].item_id == story.id
        assert any(s.item_id == story.id for s in debrief.study_plan)
        # The decision follows the quick loop's rule and says why.
        assert debrief.decision.reasons
        # Every item met became a review card.
        with store.session() as session:
            cards = {c.question_id for c in session.scalars(select(ReviewCard))}
        assert {coding.id, concept.id, story.id} <= cards
    finally:
        submissions.stop()


FIRST_REPLY = (
    "On day one I wrote down each deadline with what slipping would cost, and I told the "
    "stakeholders the order the same afternoon."
)
SECOND_REPLY = (
    "I moved the launch review by two days myself and the model shipped on time; churn fell "
    "by 4% in the first month."
)


def _ml_round(service: InterviewService, user: int, sid: str) -> tuple[ItemView, ItemView]:
    """The quick loop's second round, its coding round left: (concept, story)."""
    service.start_round(user, sid)
    service.finish_round(user, sid)
    concept, story = service.start_round(user, sid).rounds[1].items
    assert concept.kind == "concept" and story.kind == "behavioral"
    return concept, story


def test_a_story_in_a_loop_is_probed_twice_within_the_rounds_time(
    store: Store, bank: Bank, answers_settings: Settings
) -> None:
    clock = Clock()
    service = _service(store, bank, clock, answers_settings)
    user = _user(store)
    sid = service.start_loop(user, "quick", seed=5)
    concept, story = _ml_round(service, user, sid)

    # A technical answer gets one follow-up; once it is answered the question is done.
    outcome = service.answer(user, sid, concept.id, calibration(bank, concept.id, "partial"))
    assert outcome.follow_up is not None
    after = service.answer_follow_up(user, sid, concept.id, "I would check it on held-out data.")
    assert after.follow_up is None
    assert service.view(user, sid).rounds[1].items[0].status == "done"

    # The story: the grader's two first follow-ups, one after the other.
    told = story_answer(bank, story.id)
    first = service.answer(user, sid, story.id, told)
    story_grade = answers_of(service).get(user, first.answer_id)
    assert story_grade is not None and story_grade.result is not None
    planned = [f.question for f in story_grade.result.follow_ups[:2]]
    assert len(planned) == 2, "the story should leave the grader two things to probe"
    assert first.follow_up is not None and first.follow_up.question == planned[0]
    clock.advance(45)
    second = service.answer_follow_up(user, sid, story.id, FIRST_REPLY)
    assert not second.round_finished
    assert second.follow_up is not None and second.follow_up.question == planned[1]
    # On resume the second follow-up is waiting, the first shown as answered.
    item = service.view(user, sid).rounds[1].items[1]
    assert item.status == "answered" and item.follow_up == second.follow_up
    assert [(f.question, f.answer_text) for f in item.earlier_follow_ups] == [
        (planned[0], FIRST_REPLY)
    ]
    clock.advance(45)
    last = service.answer_follow_up(user, sid, story.id, SECOND_REPLY)
    assert last.follow_up is None and last.round_finished
    assert service.view(user, sid).rounds[1].ended_by == "all-answered"

    # Each answer is graded with everything heard before it; the last one's grade counts.
    graded = answers_of(service).get(user, last.answer_id)
    assert graded is not None and graded.result is not None
    assert graded.result.combined_with == first.answer_id
    assert graded.result.graded_text == f"{told}\n\n{FIRST_REPLY}\n\n{SECOND_REPLY}"
    debrief = service.debrief(user, sid)
    outcome_ = debrief.scorecards[1].items[1]
    assert [(f.question, f.answer, f.late) for f in outcome_.follow_ups] == [
        (planned[0], FIRST_REPLY, False),
        (planned[1], SECOND_REPLY, False),
    ]
    assert outcome_.follow_up_question == planned[0]
    assert outcome_.follow_up_answer == FIRST_REPLY
    assert outcome_.score == graded.result.score
    html = report_html(debrief, bank)
    assert "Follow-up question 2" in html and str(escape(planned[1])) in html


def test_a_story_near_the_end_of_the_round_gets_one_follow_up(
    store: Store, bank: Bank, answers_settings: Settings
) -> None:
    clock = Clock()
    service = _service(store, bank, clock, answers_settings)
    user = _user(store)
    sid = service.start_loop(user, "quick", seed=5)
    concept, story = _ml_round(service, user, sid)
    service.skip(user, sid, concept.id)
    first = service.answer(user, sid, story.id, story_answer(bank, story.id))
    assert first.follow_up is not None
    # Thirteen of the round's fifteen minutes go by, the page open: too little for another.
    for _ in range(13 * 4):
        clock.advance(15)
        service.heartbeat(user, sid)
    left = service.view(user, sid).rounds[1].clock.remaining_s
    assert 0 < left < FOLLOW_UP_S
    second = service.answer_follow_up(user, sid, story.id, FIRST_REPLY)
    assert second.follow_up is None and second.round_finished
    item = service.view(user, sid).rounds[1].items[1]
    assert item.status == "done" and item.earlier_follow_ups == []
    assert item.follow_up is not None and item.follow_up.answer_text == FIRST_REPLY
    outcome = service.debrief(user, sid).scorecards[1].items[1]
    assert [f.answer for f in outcome.follow_ups] == [FIRST_REPLY]


def answers_of(service: InterviewService) -> AnswerService:
    assert service.answers is not None
    return service.answers


def test_the_next_session_avoids_what_was_just_asked(store: Store, bank: Bank) -> None:
    clock = Clock()
    service = _service(store, bank, clock)
    user = _user(store)
    first = service.start_loop(user, "quick", seed=11)
    # A session never started shows nothing: the next one with the same seed picks the same.
    untaken = service.start_loop(user, "quick", seed=11)
    for _ in range(2):  # the first session's rounds are taken: their questions were seen
        service.start_round(user, first)
        service.finish_round(user, first)
    second = service.start_loop(user, "quick", seed=11)  # same seed: only history differs
    ids = [
        {i.id for r in service.view(user, s).rounds for i in r.items}
        for s in (first, untaken, second)
    ]
    assert ids[0] == ids[1]
    assert not ids[0] & ids[2]


def test_an_answer_is_saved_even_when_the_grader_cannot_run(
    store: Store, bank: Bank, tmp_path: Path
) -> None:
    clock = Clock()
    broken = Settings(data_dir=tmp_path, grader_model=str(tmp_path / "no-model-here"))
    service = _service(store, bank, clock, broken)
    user = _user(store)
    sid = service.start_practice(user, item_id="bagging-vs-boosting")
    with pytest.raises(InterviewError) as error:
        service.answer(
            user, sid, "bagging-vs-boosting", "Precision is TP over predicted positives."
        )
    assert error.value.status_code == 503 and "saved" in error.value.message
    with store.session() as session:
        saved = session.scalars(
            select(Answer).where(Answer.question_id == "bagging-vs-boosting")
        ).one()
        assert saved.session_round_id is not None and saved.text.startswith("Precision")
    # The question opens again with the text, so it can be sent once the grader is back.
    item = service.view(user, sid).rounds[0].items[0]
    assert item.status == "open" and item.answer_text == saved.text


def test_practice_shows_the_grade_at_once(
    store: Store, bank: Bank, answers_settings: Settings
) -> None:
    clock = Clock()
    service = _service(store, bank, clock, answers_settings)
    user = _user(store)
    sid = service.start_practice(user, item_id="bagging-vs-boosting")
    view = service.view(user, sid)
    assert view.mode == "practice" and view.active_round() is not None
    outcome = service.answer(
        user, sid, "bagging-vs-boosting", calibration(bank, "bagging-vs-boosting", "partial")
    )
    assert outcome.grade is not None and 0 <= outcome.grade.score <= 100
    service.skip(user, sid, "bagging-vs-boosting")
    service.finish_round(user, sid)
    debrief = service.debrief(user, sid)
    assert debrief.decision is None and debrief.mode == "practice"
    assert debrief.scorecards[0].items[0].answered


def test_refusals_are_sentences(store: Store, bank: Bank) -> None:
    service = _service(store, bank, Clock())
    user = _user(store)
    with pytest.raises(InterviewError, match="Known loops"):
        service.start_loop(user, "no-such-loop")
    with pytest.raises(InterviewError, match="No session"):
        service.view(user, "0" * 32)
    sid = service.start_loop(user, "quick", seed=1)
    with pytest.raises(InterviewError, match="start the next round first"):
        service.answer(user, sid, "bagging-vs-boosting", "x")
    service.start_round(user, sid)
    coding = service.view(user, sid).rounds[0].items[0]
    with pytest.raises(InterviewError, match="coding problem"):
        service.answer(user, sid, coding.id, "words")
    with pytest.raises(InterviewError, match="not finished"):
        service.debrief(user, sid)


def test_the_amazon_loop_runs_every_round_and_the_bar_raiser_vetoes(
    store: Store, bank: Bank
) -> None:
    clock = Clock()
    service = _service(store, bank, clock)
    user = _user(store)
    sid = service.start_loop(user, "amazon-mle", seed=9)
    loop = bank.loop("amazon-mle")
    assert [r.round_id for r in service.view(user, sid).rounds] == [r.id for r in loop.rounds()]
    for _ in loop.rounds():  # every round started and ended with nothing answered
        view = service.start_round(user, sid)
        clock.advance(60)
        service.finish_round(user, sid)
    assert service.view(user, sid).status == "finished"
    debrief = service.debrief(user, sid)
    assert debrief.decision is not None and not debrief.decision.hire
    assert debrief.decision.vetoed
    assert debrief.decision.reasons[0].startswith("The Bar Raiser rated you")
    assert all(card.rating == "strong-no" for card in debrief.scorecards)
    assert all(card.used_s == 60 for card in debrief.scorecards)
    assert len(debrief.study_plan) == sum(len(r.items) for r in view.rounds)
    listed = next(s for s in service.list_sessions(user) if s.id == sid)
    assert (listed.rounds_done, listed.rounds_total) == (8, 8)
    assert listed.status == "finished" and listed.decision_label == debrief.decision.label


def test_practice_allows_overtime_and_still_counts_the_answer(
    store: Store, bank: Bank, answers_settings: Settings
) -> None:
    clock = Clock()
    service = _service(store, bank, clock, answers_settings)
    user = _user(store)
    sid = service.start_practice(user, item_id="bagging-vs-boosting")
    for _ in range(12 * 4):  # twelve minutes with the page open: past the 8 allotted
        clock.advance(15)
        service.heartbeat(user, sid)
    clock_view = service.view(user, sid).rounds[0].clock
    assert clock_view.overtime and clock_view.overtime_s == 4 * 60 and clock_view.remaining_s == 0
    outcome = service.answer(
        user, sid, "bagging-vs-boosting", calibration(bank, "bagging-vs-boosting", "strong")
    )
    assert not outcome.late and outcome.follow_up is not None
    service.skip(user, sid, "bagging-vs-boosting")
    item = service.debrief(user, sid).scorecards[0].items[0]
    assert not item.late and (item.score or 0) >= 50


def test_practising_a_round_of_a_strict_loop_runs_on_practice_time(
    store: Store, bank: Bank
) -> None:
    """amazon-mle counts time away and ends rounds at the limit; practising one of its rounds
    does neither, like practising one question."""
    assert bank.loop("amazon-mle").timing.away_time == "counts"
    clock = Clock()
    service = _service(store, bank, clock)
    user = _user(store)
    sid = service.start_practice(user, loop_id="amazon-mle", round_id="recruiter-screen")
    view = service.view(user, sid)
    assert (view.mode, view.away_time, view.on_timeout) == ("practice", "paused", "overtime")
    allotted = view.rounds[0].duration_min * 60
    clock.advance(600)  # ten minutes away: not counted
    service.heartbeat(user, sid)
    for _ in range(allotted // 15 + 8):  # past the allotted time with the page open
        clock.advance(15)
        service.heartbeat(user, sid)
    rnd = service.view(user, sid).rounds[0]
    assert rnd.status == "active" and rnd.clock.overtime
    assert rnd.clock.away_s == 600 and not rnd.clock.away_counts
    assert rnd.clock.used_s == allotted + 8 * 15


def test_an_abandoned_loop_gets_a_partial_debrief_without_a_decision(
    store: Store, bank: Bank
) -> None:
    clock = Clock()
    service = _service(store, bank, clock)
    user = _user(store)
    sid = service.start_loop(user, "amazon-mle", seed=4)
    service.start_round(user, sid)
    clock.advance(30)
    service.finish_round(user, sid)
    service.abandon(user, sid)
    debrief = service.debrief(user, sid)
    assert debrief.decision is None
    assert debrief.note and "after 1 of 8 round(s)" in debrief.note
    assert [s.decision_label for s in service.list_sessions(user) if s.id == sid] == [None]


def test_answers_the_grader_could_not_grade_are_graded_again_for_the_debrief(
    store: Store, bank: Bank, tmp_path: Path, answers_settings: Settings
) -> None:
    clock = Clock()
    broken = _service(
        store, bank, clock, Settings(data_dir=tmp_path, grader_model=str(tmp_path / "none"))
    )
    user = _user(store)
    sid = broken.start_loop(user, "quick", seed=3)
    broken.start_round(user, sid)
    broken.finish_round(user, sid)
    view = broken.start_round(user, sid)
    concept = view.rounds[1].items[0]
    with pytest.raises(InterviewError):
        broken.answer(user, sid, concept.id, calibration(bank, concept.id, "strong"))
    broken.finish_round(user, sid)
    stuck = broken.debrief(user, sid)
    failed = stuck.scorecards[1].items[0]
    assert failed.grading_failed and failed.score is None
    assert not stuck.pending and stuck.decision is not None  # decided without it, and says so
    assert stuck.note and concept.title in stuck.note
    # With a working grader the stored answer is graded and the debrief is final.
    working = _service(store, bank, clock, answers_settings)
    final = working.debrief(user, sid)
    graded = final.scorecards[1].items[0]
    assert not graded.grading_failed and (graded.score or 0) > 50 and final.note is None
    # From now on the stored debrief is returned as it is.
    assert working.debrief(user, sid) == final


def test_a_session_survives_its_question_leaving_the_bank(store: Store, bank: Bank) -> None:
    clock = Clock()
    service = _service(store, bank, clock)
    user = _user(store)
    sid = service.start_loop(user, "quick", seed=6)
    concept = service.view(user, sid).rounds[1].items[0]
    smaller = Bank(
        questions={k: v for k, v in bank.questions.items() if k != concept.id},
        loops=bank.loops,
        principles=bank.principles,
        competencies=bank.competencies,
        problems=bank.problems,
    )
    later = InterviewService(store, smaller, clock=clock)
    kept = later.view(user, sid).rounds[1].items[0]
    assert kept.id == concept.id and kept.title == concept.title and kept.prompt == concept.prompt


def test_code_sent_after_the_time_ran_out_is_stored_but_not_counted(
    store: Store, bank: Bank, sandbox: Sandbox
) -> None:
    clock = Clock()
    submissions = SubmissionService(store, bank.problems, slots=1)
    submissions.start()
    try:
        service = _service(store, bank, clock, submissions=submissions)
        user = _user(store)
        sid = service.start_loop(user, "quick", seed=8)
        coding = service.start_round(user, sid).rounds[0].items[0]
        assert coding.problem_id
        source = (
            ROOT / "content/problems" / coding.problem_id / "solutions/reference.py"
        ).read_text()
        for _ in range(20 * 4):  # the page open for the round's 20 minutes
            clock.advance(15)
            service.heartbeat(user, sid)
        clock.advance(50)  # then past the 30-second grace, still at the page
        late_id = service.submit_code(user, sid, coding.id, "python", source, "submit")
        deadline = time.monotonic() + 60
        while (state := submissions.status(late_id)) is None or state.status != "done":
            assert time.monotonic() < deadline
            time.sleep(0.1)
        assert state.verdict == "AC"  # judged and stored ...
        view = service.view(user, sid)
        assert view.rounds[0].status == "finished" and view.rounds[0].ended_by == "time"
        service.start_round(user, sid)
        service.finish_round(user, sid)
        outcome = service.debrief(user, sid).scorecards[0].items[0]
        assert outcome.score == 0 and outcome.submits == 0  # ... but not counted
    finally:
        submissions.stop()


class HeldClock(Clock):
    """A clock that, once armed, keeps its caller for a moment. The engine reads the clock
    while it holds the session, so an armed clock stands for a server process caught in the
    middle of a write."""

    def __init__(self, hold_s: float) -> None:
        super().__init__()
        self.hold_s = hold_s
        self.armed = False
        self.holding = threading.Event()

    def __call__(self) -> datetime:
        if self.armed:
            self.armed = False
            self.holding.set()
            time.sleep(self.hold_s)
        return self.now


@pytest.mark.postgres
def test_two_server_processes_on_postgresql_take_turns_on_a_session(
    postgres_url: str, tmp_path: Path, bank: Bank
) -> None:
    """Two servers on one PostgreSQL database (their own connections and in-process locks):
    while one writes to a session, the other's write to it waits, then sees the first's."""
    store_a = init_store(Settings(database_url=postgres_url, data_dir=tmp_path / "a"))
    store_b = init_store(Settings(database_url=postgres_url, data_dir=tmp_path / "b"))
    try:
        clock_b = HeldClock(hold_s=1.5)
        first, second = _service(store_a, bank, Clock()), _service(store_b, bank, clock_b)
        user = _user(store_a)
        sid = first.start_loop(user, "amazon-mle", seed=3)
        items = first.start_round(user, sid).rounds[0].items
        assert len(items) >= 2, "the recruiter screen asks more than one question"

        clock_b.armed = True
        beat = threading.Thread(target=second.heartbeat, args=(user, sid))
        beat.start()
        assert clock_b.holding.wait(10), "the second server never read its clock"
        started = time.monotonic()
        view = first.skip(user, sid, items[0].id)  # sent while the second server writes
        waited = time.monotonic() - started
        beat.join(10)

        assert waited >= 1.0, f"the skip did not wait for the other server ({waited:.2f} s)"
        assert view.rounds[0].items[0].status == "skipped"
        for service in (first, second):  # both writes are there, whichever server reads
            stored = service.view(user, sid).rounds[0]
            assert stored.items[0].status == "skipped"
            assert stored.status == "active"
    finally:
        store_a.close()
        store_b.close()
