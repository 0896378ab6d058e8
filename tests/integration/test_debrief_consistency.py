"""The debrief never contradicts itself: 50 simulated loops, checked by the consistency checker.

Each loop is played through the real InterviewService on a real SQLite store, with the real
grader (the configured default, loaded once) and the real sandboxed judge (submissions judged
one by one, synchronously).  A seeded candidate of a drawn quality answers each question with
the bank's strong, partial or weak calibration answer, a model answer, an answer to another
question, a one-liner, or skips it; sometimes answers late; solves, breaks, only runs or skips
the coding problems (never explaining the approach), and answers a follow-up now and then (a
story's second one too).  Every debrief goes through :func:`check_debrief`, its run-time
warnings are counted, and each coding item's counts are compared with what the editor shows for
the same submission.  ``pytest -s`` prints the tally.
"""

from __future__ import annotations

import logging
import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bank_support import reference_source, story_answer
from barraiser.config import Settings
from barraiser.content.bank import get_bank
from barraiser.content.loader import Bank
from barraiser.interview.answers import AnswerService
from barraiser.interview.debrief_check import check_debrief
from barraiser.interview.engine import InterviewService
from barraiser.interview.models import Debrief, ItemView
from barraiser.interview.submissions import SubmissionLimits, SubmissionService
from barraiser.judge.sandbox import Sandbox
from barraiser.judge.summary import summary
from barraiser.store import ensure_local_user, init_store
from barraiser.web.session_view import AttemptRow

#: 50 loops: mostly the quick loop (its coding round is judged for real), some full Amazon loops
#: (eight rounds, the Bar Raiser's veto, several stories a round).
LOOPS = ["quick"] * 48 + ["amazon-mle"] * 2
#: Accepted submissions run every hidden test (seconds each): at most this many, so the test
#: stays within a few minutes on two cores.  Failing ones usually stop at a sample (cheap).
MAX_ACCEPTED = 8
SHORT = "I am not sure; I would look it up and get back to you."
FOLLOW_UPS = [
    "I would validate it on a held-out set and look at the errors by segment before deciding.",
    "I don't know.",
    "I measured it before and after, and the numbers moved the way I expected.",
]
#: How a candidate of each quality answers a free-text question: (choice, weight).
PLANS: dict[str, list[tuple[str, float]]] = {
    "strong": [("strong", 6), ("partial", 2), ("model", 1), ("weak", 1)],
    "mixed": [("strong", 3), ("partial", 3), ("weak", 2), ("other", 1), ("short", 2), ("skip", 1)],
    "weak": [("weak", 3), ("short", 3), ("other", 1), ("skip", 2), ("partial", 1)],
    "absent": [("skip", 3), ("short", 1)],
}
#: And a coding problem.
CODE_PLANS: dict[str, list[tuple[str, float]]] = {
    "strong": [("accept", 6), ("wrong-then-accept", 2), ("run", 1), ("wrong", 1)],
    "mixed": [("accept", 3), ("wrong", 3), ("run", 2), ("skip", 2)],
    "weak": [("wrong", 4), ("run", 3), ("skip", 3), ("accept", 1)],
    "absent": [("skip", 3), ("run", 1)],
}


class Clock:
    """The engine's clock; the test moves it (a round can run out of time)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def _pick(rng: random.Random, plan: list[tuple[str, float]]) -> str:
    return rng.choices([c for c, _ in plan], weights=[w for _, w in plan])[0]


def _text(rng: random.Random, bank: Bank, item: ItemView, choice: str) -> str | None:
    """The answer a choice gives for this question (None: skip it)."""
    question = bank.questions[item.id]
    levels = {c.level: c.answer for c in question.calibration}
    if choice == "skip":
        return None
    if choice == "short":
        return SHORT
    if choice == "other":
        others = sorted(
            (q for q in bank.questions.values() if q.kind != question.kind and q.calibration),
            key=lambda q: q.id,
        )
        return rng.choice(others).calibration[0].answer
    if choice == "model":
        return question.model_answer
    if choice in levels:
        return levels[choice]
    if question.kind == "behavioral" and choice != "weak":
        return story_answer(bank, item.id)
    return question.model_answer if choice == "strong" else SHORT


class Player:
    """Plays loops as a candidate of a given quality and returns their debriefs."""

    def __init__(
        self, service: InterviewService, submissions: SubmissionService, bank: Bank, user: int
    ) -> None:
        self.service, self.submissions, self.bank, self.user = service, submissions, bank, user
        self.accepted = 0
        self.follow_ups = 0
        self.submission_ids: dict[tuple[str, str], list[int]] = {}

    def _submit(self, sid: str, item: ItemView, source: str, mode: str) -> None:
        submission_id = self.service.submit_code(self.user, sid, item.id, "python", source, mode)
        self.submissions.judge_one(submission_id)
        self.submission_ids.setdefault((sid, item.id), []).append(submission_id)

    def _code(self, rng: random.Random, sid: str, item: ItemView, quality: str) -> None:
        assert item.problem_id
        loaded = self.bank.problems[item.problem_id]
        reference = reference_source(self.bank, item.problem_id)
        wrong = next(
            s for s in loaded.problem.solutions if s.expect == "WA" and s.language == "python"
        )
        choice = _pick(rng, CODE_PLANS[quality])
        if "accept" in choice and self.accepted >= MAX_ACCEPTED:
            choice = "run"
        if choice == "skip":
            pass
        elif choice == "run":
            self._submit(sid, item, reference, "run")
        else:
            if "wrong" in choice:
                self._submit(sid, item, loaded.solution_path(wrong).read_text(), "submit")
            if "accept" in choice:
                self.accepted += 1
                self._submit(sid, item, reference, "submit")
        self.service.skip(self.user, sid, item.id)  # done with the problem

    def _answer(
        self, rng: random.Random, clock: Clock, sid: str, item: ItemView, quality: str
    ) -> None:
        text = _text(rng, self.bank, item, _pick(rng, PLANS[quality]))
        if text is None:
            self.service.skip(self.user, sid, item.id)
            return
        outcome = self.service.answer(self.user, sid, item.id, text)
        if outcome.round_finished:
            return
        # A story in a loop may be followed up twice: each is answered or the item is left.
        while outcome.follow_up is not None and rng.random() < 0.25:
            clock.advance(60)
            outcome = self.service.answer_follow_up(self.user, sid, item.id, rng.choice(FOLLOW_UPS))
            self.follow_ups += 1
            if outcome.round_finished:
                return
        self.service.skip(self.user, sid, item.id)

    def play(self, loop_id: str, seed: int, clock: Clock) -> tuple[str, Debrief]:
        rng = random.Random(seed)
        quality = rng.choices(["strong", "mixed", "weak", "absent"], weights=[3, 3, 3, 1])[0]
        sid = self.service.start_loop(self.user, loop_id, seed=seed)
        while (upcoming := self.service.view(self.user, sid).next_round()) is not None:
            view = self.service.start_round(self.user, sid)
            rnd = view.active_round()
            assert rnd is not None and rnd.position == upcoming.position
            # Now and then the candidate runs out of time before the round's last question.
            late = rng.random() < 0.08 and len(rnd.items) > 1
            for number, item in enumerate(rnd.items):
                if self.service.view(self.user, sid).rounds[rnd.position].status != "active":
                    break
                clock.advance(90)
                if late and number == len(rnd.items) - 1 and item.kind != "coding":
                    clock.advance(rnd.duration_min * 60)
                if item.kind == "coding":
                    self._code(rng, sid, item, quality)
                else:
                    self._answer(rng, clock, sid, item, quality)
            if self.service.view(self.user, sid).rounds[rnd.position].status == "active":
                self.service.finish_round(self.user, sid)
        return sid, self.service.debrief(self.user, sid)

    def editor_mismatches(self, sid: str, debrief: Debrief) -> list[str]:
        """Each coding item whose counts differ from what the editor shows for its submissions."""
        out = []
        for card in debrief.scorecards:
            for o in card.items:
                if o.kind != "coding" or o.verdict is None:
                    continue
                states = [self.submissions.status(i) for i in self.submission_ids[(sid, o.item_id)]]
                rows = [
                    (AttemptRow.of(s), s)
                    for s in states
                    if s is not None and s.mode == "submit" and s.verdict == o.verdict
                ]
                said = [((r.passed or 0, r.total or 0), summary(s.result or {})) for r, s in rows]
                if ((o.tests_passed, o.tests_total), o.tests_summary) not in said:
                    out.append(
                        f"editor: {o.title!r} counted {o.tests_passed}/{o.tests_total} "
                        f"({o.tests_summary!r}); the editor showed {said}."
                    )
        return out


def _tally(coverage: dict[str, int], debrief: Debrief) -> None:
    """Count what the debrief exercises, so a degenerate simulation shows."""
    items = [o for c in debrief.scorecards for o in c.items]
    seen = {
        "weakest": bool(debrief.weakest),
        "strongest": bool(debrief.strongest),
        "study links": any(s.related or s.labs for s in debrief.study_plan),
        "accepted": any(o.verdict == "AC" for o in items),
        "rejected": any(o.verdict not in (None, "AC") for o in items),
        "capped rounds": any(c.rating_note for c in debrief.scorecards),
        "late": any(o.late for o in items),
        "second follow-ups": any(len(o.follow_ups) > 1 for o in items),
        "approach skipped": any(o.approach and not o.approach.answered for o in items),
    }
    for key, hit in seen.items():
        coverage[key] = coverage.get(key, 0) + int(hit)


def test_fifty_simulated_loops_yield_coherent_debriefs(
    tmp_path: Path, sandbox: Sandbox, caplog: pytest.LogCaptureFixture
) -> None:
    bank = get_bank()
    settings = Settings(data_dir=tmp_path)
    store = init_store(settings)
    with store.session() as session:
        user = ensure_local_user(session).id
    submissions = SubmissionService(
        store, bank.problems, slots=1, limits=SubmissionLimits(per_minute=10_000)
    )
    clock = Clock()
    service = InterviewService(
        store,
        bank,
        answers=AnswerService(store, bank, settings),
        submissions=submissions,
        clock=clock,
    )
    player = Player(service, submissions, bank, user)
    caplog.set_level(logging.WARNING, logger="barraiser.debrief")
    started = time.monotonic()
    violations: list[str] = []
    ratings: dict[str, int] = {}
    decisions: dict[str, int] = {}
    coverage: dict[str, int] = {}
    try:
        for number, loop_id in enumerate(LOOPS):
            clock.advance(3600)
            sid, debrief = player.play(loop_id, seed=1000 + number, clock=clock)
            assert not debrief.pending and debrief.decision is not None
            found = check_debrief(debrief, bank, bank.loop(loop_id).decision)
            found += player.editor_mismatches(sid, debrief)
            violations += [f"{loop_id} #{number}: {v}" for v in found]
            decisions[debrief.decision.label] = decisions.get(debrief.decision.label, 0) + 1
            for card in debrief.scorecards:
                ratings[card.rating] = ratings.get(card.rating, 0) + 1
            _tally(coverage, debrief)
    finally:
        store.close()
    logged = [r for r in caplog.records if r.name == "barraiser.debrief"]
    print(
        f"\ndebrief consistency: {len(LOOPS)} debriefs checked, {len(violations)} violation(s), "
        f"{len(logged)} warning(s) logged at run time; {player.accepted} accepted submission(s), "
        f"{player.follow_ups} follow-up(s) answered; "
        f"decisions {decisions}; round ratings {ratings}; {coverage}; "
        f"{time.monotonic() - started:.0f} s"
    )
    for line in violations:
        print("  " + line)
    # The loops were varied enough to exercise every rule the checker knows.
    assert len(ratings) >= 3, ratings
    assert coverage["weakest"] and coverage["strongest"] and coverage["study links"], coverage
    assert coverage["accepted"] and coverage["rejected"], coverage
    assert violations == []
    assert logged == []
