"""The interview engine: runs a loop (or one practice question or round) from start to debrief.

Everything the candidate does is written to the store before any work on it starts: answers are
committed before grading, code before judging, and each round's clock and item progress live in
the round's ``state``.  Nothing is kept only in memory, so a closed browser or a restarted
server loses nothing; the next request picks up where the candidate stopped, and the time they
were away is measured from the gap (see :mod:`barraiser.interview.timing`).
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session, defer, selectinload

from barraiser.content.loader import Bank
from barraiser.content.schemas import Loop
from barraiser.grading.approach import APPROACH_QUESTION
from barraiser.interview import follow_ups
from barraiser.interview.answers import AnswerError, AnswerService, GradingTarget
from barraiser.interview.approach import (
    LEFT_KEY,
    accepted_ids,
    approach_grades,
    approach_question_id,
    asked_items,
    asks_approach,
    counted_submissions,
    grade_and_save,
)
from barraiser.interview.errors import InterviewError
from barraiser.interview.items import Item
from barraiser.interview.models import (
    APPROACH_PREFIX,
    AnswerOutcome,
    ApproachAnswered,
    Debrief,
    FollowUpView,
    SessionView,
)
from barraiser.interview.rounds import (
    active_round,
    advance_clock,
    expire,
    finish,
    item_of,
    loop_of,
    session_view,
    set_item,
    time_left_s,
    time_up,
    touch,
)
from barraiser.interview.starting import (
    add_session,
    practice_item,
    practice_loop,
    practice_round_loop,
)
from barraiser.interview.timing import RoundClock
from barraiser.resume.latest import resume_prompts
from barraiser.store import Store, utcnow
from barraiser.store.models import Answer, InterviewSession, SessionRound
from barraiser.store.queries import save_answer

if TYPE_CHECKING:
    from barraiser.interview.submissions import SubmissionService

logger = logging.getLogger(__name__)

__all__ = ["InterviewError", "InterviewService", "SessionSummary"]


class SessionSummary(BaseModel):
    """A line of the history page."""

    id: str
    mode: str
    loop_id: str
    loop_title: str
    status: str
    started_at: datetime
    finished_at: datetime | None
    rounds_done: int
    rounds_total: int
    decision_label: str | None


class InterviewService:
    """Starts sessions, runs their rounds, and builds scorecards and the debrief."""

    def __init__(
        self,
        store: Store,
        bank: Bank,
        *,
        answers: AnswerService | None = None,
        submissions: SubmissionService | None = None,
        clock: Callable[[], datetime] = utcnow,
        data_dir: Path | None = None,
    ) -> None:
        self.store = store
        self.bank = bank
        self.answers = answers
        self.submissions = submissions
        self.clock = clock
        #: Where a user's résumé analysis was kept before the database (imported once when read).
        self.data_dir = data_dir
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()

    def _lock(self, session_id: str) -> threading.Lock:
        # Read-modify-write of a round's JSON state happens under the session's lock (threads of
        # this process) and its row lock (other processes on PostgreSQL: see _row).
        with self._locks_guard:
            return self._locks.setdefault(session_id, threading.Lock())

    # -- starting ------------------------------------------------------------------------------

    def start_loop(self, user_id: int, loop_id: str, *, seed: int | None = None) -> str:
        """Start a loop: pick every round's questions now; the first round waits for Start."""
        loop = self.bank.loops.get(loop_id)
        if loop is None:
            known = ", ".join(sorted(self.bank.loops)) or "none"
            raise InterviewError(f"No loop with id {loop_id!r}. Known loops: {known}.", 404)
        return self._create(user_id, loop, mode="loop", seed=seed, start_first=False)

    def start_practice(
        self,
        user_id: int,
        *,
        item_id: str | None = None,
        loop_id: str | None = None,
        round_id: str | None = None,
        seed: int | None = None,
    ) -> str:
        """Practise one question (``item_id``) or one round of a loop; its clock starts now."""
        if item_id is not None:
            item = practice_item(self.bank, item_id)
            return self._create(
                user_id,
                practice_loop(item),
                mode="practice",
                seed=seed,
                start_first=True,
                items=[item.id],
            )
        loop = practice_round_loop(self.bank, loop_id, round_id)
        return self._create(user_id, loop, mode="practice", seed=seed, start_first=True)

    def _create(
        self,
        user_id: int,
        loop: Loop,
        *,
        mode: str,
        seed: int | None,
        start_first: bool,
        items: list[str] | None = None,
    ) -> str:
        seed = seed if seed is not None else random.SystemRandom().randrange(2**31)
        own = [] if items else resume_prompts(self.store, user_id, self.data_dir)
        with self.store.session() as session:
            session_id = add_session(
                session,
                self.bank,
                user_id,
                loop,
                mode=mode,
                seed=seed,
                now=self.clock(),
                start_first=start_first,
                items=items,
                resume_prompts=own,
            )
        self._warm_grader(loop)
        return session_id

    def _warm_grader(self, loop: Loop) -> None:
        """Load the grading model in the background, so the first answer is not kept waiting
        (never where grade workers grade: hosted mode with a broker)."""
        if self.answers is None or self.answers.enqueue is not None:
            return
        coding_only = all(s.kind == "coding" for r in loop.rounds() for s in r.questions)
        if coding_only and not any(r.value_questions for r in loop.rounds()):
            return
        answers = self.answers

        def load() -> None:
            try:
                answers.grader()
            except Exception:  # the first answer reports it properly
                logger.warning("Loading the grader in the background failed", exc_info=True)

        threading.Thread(target=load, name="grader-warm-up", daemon=True).start()

    # -- reading -------------------------------------------------------------------------------

    def _row(self, session: Session, user_id: int, session_id: str) -> InterviewSession:
        # The row stays locked until the transaction ends, so two server processes on one
        # PostgreSQL database take turns on a session as threads do on the in-process lock
        # (SQLite ignores row locks; it serves one process). NO KEY UPDATE rather than UPDATE:
        # it does not hold up rows being added that refer to the session.
        row = session.get(InterviewSession, session_id, with_for_update={"key_share": True})
        if row is None or row.user_id != user_id:
            raise InterviewError(
                f"No session {session_id!r}. The History page lists your sessions.", 404
            )
        return row

    def _view(self, session: Session, row: InterviewSession, now: datetime) -> SessionView:
        # The verdicts say which coding items' approach questions are asked.
        asked = asked_items(session, row)
        grades = approach_grades(session, row, asked) if row.mode == "practice" else {}
        return session_view(self.bank, row, now, asked, grades)

    def list_sessions(self, user_id: int) -> list[SessionSummary]:
        """The user's sessions, newest first."""
        with self.store.session() as session:
            rows = session.scalars(
                select(InterviewSession)
                .where(InterviewSession.user_id == user_id)
                .order_by(InterviewSession.started_at.desc())
                # The rounds are only counted: one query for all their statuses, not one per
                # session; the stored debriefs are not read at all.
                .options(
                    selectinload(InterviewSession.rounds).load_only(SessionRound.status),
                    defer(InterviewSession.debrief),
                )
            )
            out = []
            for row in rows:
                out.append(
                    SessionSummary(
                        id=row.id,
                        mode=row.mode,
                        loop_id=row.loop_id,
                        loop_title=row.state.get("loop", {}).get("title", row.loop_id),
                        status=row.status,
                        started_at=row.started_at,
                        finished_at=row.finished_at,
                        rounds_done=sum(1 for r in row.rounds if r.status == "finished"),
                        rounds_total=len(row.rounds),
                        decision_label=row.decision,
                    )
                )
            return out

    def view(self, user_id: int, session_id: str) -> SessionView:
        """The session now; an active round whose time is up (and whose loop says so) ends."""
        with self._lock(session_id), self.store.session() as session:
            row = self._row(session, user_id, session_id)
            expire(row, self.clock())
            return self._view(session, row, self.clock())

    # -- clocks --------------------------------------------------------------------------------

    def heartbeat(self, user_id: int, session_id: str) -> SessionView:
        """The round page is open: count the time and end the round if its time is up."""
        with self._lock(session_id), self.store.session() as session:
            row = self._row(session, user_id, session_id)
            now = self.clock()
            touch(row, now)
            return self._view(session, row, now)

    # -- rounds --------------------------------------------------------------------------------

    def _open_row(self, session: Session, user_id: int, session_id: str) -> InterviewSession:
        row = self._row(session, user_id, session_id)
        if row.status != "active":
            raise InterviewError(
                f"This session is {row.status}: nothing more can be done in it. Its debrief "
                f"is at /sessions/{session_id}/debrief; start a new session from the Loops page.",
                409,
            )
        return row

    def start_round(self, user_id: int, session_id: str) -> SessionView:
        """Start the next round (its clock starts now); a no-op while a round is running."""
        with self._lock(session_id), self.store.session() as session:
            row = self._open_row(session, user_id, session_id)
            now = self.clock()
            if active_round(row) is None:
                sr = next((r for r in row.rounds if r.status == "pending"), None)
                if sr is None:
                    raise InterviewError("Every round is finished: open the debrief.", 409)
                sr.status = "active"
                sr.started_at = now
                sr.state = {**sr.state, "clock": RoundClock.start(now).to_json()}
            return self._view(session, row, now)

    def finish_round(self, user_id: int, session_id: str) -> SessionView:
        """The candidate ends the running round now (a no-op once the session is over)."""
        with self._lock(session_id), self.store.session() as session:
            row = self._row(session, user_id, session_id)
            now = self.clock()
            if row.status != "active":
                return self._view(session, row, now)
            touch(row, now)
            sr = active_round(row)
            if sr is not None:
                finish(row, sr, now, "candidate")
            return self._view(session, row, now)

    def abandon(self, user_id: int, session_id: str) -> None:
        """Give up a session; what was answered stays stored."""
        with self._lock(session_id), self.store.session() as session:
            row = self._open_row(session, user_id, session_id)
            row.status = "abandoned"
            row.finished_at = self.clock()

    # -- items ---------------------------------------------------------------------------------

    def _item_state(
        self, row: InterviewSession, item_id: str
    ) -> tuple[SessionRound, dict[str, Any], Item]:
        sr = active_round(row)
        if sr is None:
            raise InterviewError(
                "No round is running: start the next round first (or open the debrief).", 409
            )
        if item_id not in sr.question_ids:
            raise InterviewError(
                f"{item_id!r} is not a question of the current round ({sr.round_id}).", 404
            )
        return (
            sr,
            dict(sr.state["items"].get(item_id, {"status": "open"})),
            item_of(self.bank, sr, item_id),
        )

    def _answers(self) -> AnswerService:
        if self.answers is None:
            raise InterviewError("The grader is not running in this process.", 503)
        return self.answers

    def answer(
        self, user_id: int, session_id: str, item_id: str, text: str | None
    ) -> AnswerOutcome:
        """Save the answer to a free-text item, grade it and pick the interviewer's follow-up."""
        answers = self._answers()
        with self._lock(session_id), self.store.session() as session:
            row = self._open_row(session, user_id, session_id)
            now = self.clock()
            sr, state, item = self._item_state(row, item_id)
            if item.is_coding or item.question is None:
                raise InterviewError(
                    f"{item.title!r} is a coding problem: run and submit code for it instead.", 400
                )
            if state.get("status") in ("answered", "done", "skipped"):
                raise InterviewError(
                    "This question is already answered; answer the follow-up or move on.", 409
                )
            target, clean = _target_and_text(answers, item.question.id, text)
            # The round ends (if due) only once the answer is stored, marked late or not.
            advance_clock(row, now)
            late = time_up(row, sr, now)
            saved = save_answer(
                session,
                user_id,
                item.question.id,
                clean,
                session_round_id=sr.id,
                prompt_text=item.prompt,
            )
            state.update(status="answered", answer_id=saved.id, answer_text=clean, late=late)
            set_item(row, sr, item_id, state, self.clock())
            answer_id, practice, row_mode = saved.id, row.mode == "practice", row.mode
            expire(row, now)
            round_finished = sr.status == "finished"
        # Graded outside the lock: the first grading may load the model for ~10-30 s (or, in
        # hosted mode, a grade worker grades it while this request waits).
        try:
            result = answers.grade_in_round(user_id, answer_id, target, clean)
        except AnswerError as exc:
            # The answer stays stored; the question opens again (with the text) to resend.
            with self._lock(session_id), self.store.session() as session:
                row = self._row(session, user_id, session_id)
                sr = next(r for r in row.rounds if item_id in r.question_ids)
                state = dict(sr.state["items"][item_id])
                if state.get("answer_id") == answer_id and sr.status == "active":
                    state["status"] = "open"
                    set_item(row, sr, item_id, state, self.clock())
            raise InterviewError(exc.message, exc.status_code) from None
        planned = follow_ups.plan(result, item, row_mode)
        follow_up = planned[0] if planned else None
        with self._lock(session_id), self.store.session() as session:
            row = self._row(session, user_id, session_id)
            sr = next(r for r in row.rounds if item_id in r.question_ids)
            state = dict(sr.state["items"][item_id])
            # The candidate may have moved on while the answer was graded: keep their choice.
            if state.get("status") == "answered" and state.get("answer_id") == answer_id:
                if follow_up is not None and sr.status == "active" and not late:
                    state["follow_up"] = follow_up.model_dump(mode="json")
                    state["planned_follow_ups"] = [f.model_dump(mode="json") for f in planned[1:]]
                else:
                    state["status"] = "done"
                set_item(row, sr, item_id, state, self.clock())
            round_finished = sr.status == "finished"
        return AnswerOutcome(
            answer_id=answer_id,
            item_id=item_id,
            follow_up=follow_up if state["status"] == "answered" else None,
            grade=result if practice else None,
            late=late,
            round_finished=round_finished,
        )

    def answer_follow_up(
        self, user_id: int, session_id: str, item_id: str, text: str | None
    ) -> AnswerOutcome:
        """Save the follow-up's answer and grade the whole exchange (the answer and every
        follow-up answered so far); in a loop a story's next follow-up comes if there is time."""
        answers = self._answers()
        with self._lock(session_id), self.store.session() as session:
            row = self._open_row(session, user_id, session_id)
            now = self.clock()
            sr, state, item = self._item_state(row, item_id)
            follow_up = state.get("follow_up")
            if state.get("status") != "answered" or not follow_up:
                raise InterviewError("There is no follow-up waiting for an answer here.", 409)
            if follow_up.get("answer_id") is not None:
                raise InterviewError("This follow-up is already answered; move on.", 409)
            assert item.question is not None
            target, clean = _target_and_text(answers, item.question.id, text)
            touch(row, now)
            late = sr.status != "active" or time_up(row, sr, now)
            saved = save_answer(
                session,
                user_id,
                item.question.id,
                clean,
                session_round_id=sr.id,
                parent_answer_id=state["answer_id"],
                prompt_text=follow_up["question"],
            )
            combined = follow_ups.heard(state, clean)
            answered = {**follow_up, "answer_id": saved.id, "answer_text": clean}
            upcoming = list(state.get("planned_follow_ups", []))
            asked = None
            if upcoming and not late and follow_ups.room_for_another(row, sr, item_id, now):
                asked = FollowUpView(**upcoming[0])
                state.update(
                    earlier_follow_ups=[
                        *state.get("earlier_follow_ups", []),
                        {**answered, "late": late},
                    ],
                    follow_up=asked.model_dump(mode="json"),
                    follow_up_late=False,
                    planned_follow_ups=upcoming[1:],
                )
            else:
                state.update(status="done", follow_up=answered, follow_up_late=late)
            set_item(row, sr, item_id, state, self.clock())
            answer_id, parent_id, practice = saved.id, state["answer_id"], row.mode == "practice"
            round_finished = sr.status == "finished"
        try:
            result = answers.grade_in_round(
                user_id, answer_id, target, combined, combined_with=parent_id
            )
        except AnswerError as exc:
            raise InterviewError(exc.message, exc.status_code) from None
        return AnswerOutcome(
            answer_id=answer_id,
            item_id=item_id,
            follow_up=asked,
            grade=result if practice else None,
            late=late,
            round_finished=round_finished,
        )

    def answer_approach(
        self, user_id: int, session_id: str, item_id: str, text: str | None
    ) -> ApproachAnswered:
        """Save the candidate's account of an accepted solution (approach, time and space
        complexity, trade-off), then grade it against the problem's stated complexity."""
        from barraiser.interview.answers import _check_answer

        with self._lock(session_id), self.store.session() as session:
            row = self._open_row(session, user_id, session_id)
            now = self.clock()
            sr, state, item = self._item_state(row, item_id)
            if not item.is_coding or item.problem_id is None:
                raise InterviewError(
                    f"{item.title!r} is not a coding problem: there is no approach to explain.",
                    400,
                )
            if not asks_approach(loop_of(row).rounds()[sr.position]):
                raise InterviewError(
                    "This round's interviewer does not ask about the approach: submit your code "
                    "and move on.",
                    400,
                )
            if not accepted_ids(session, counted_submissions(state)):
                raise InterviewError(
                    "The interviewer asks about your approach once a submission is accepted: "
                    "submit a solution that passes every test first.",
                    409,
                )
            if (state.get("approach") or {}).get("answer_id") is not None:
                raise InterviewError("You have already explained your approach here.", 409)
            try:
                clean = _check_answer(text)
            except AnswerError as exc:
                raise InterviewError(exc.message, exc.status_code) from None
            advance_clock(row, now)
            late = time_up(row, sr, now)
            saved = save_answer(
                session,
                user_id,
                approach_question_id(item.problem_id),
                clean,
                session_round_id=sr.id,
                prompt_text=APPROACH_QUESTION,
            )
            state["approach"] = {"answer_id": saved.id, "answer_text": clean, "late": late}
            set_item(row, sr, item_id, state, self.clock())
            answer_id, practice = saved.id, row.mode == "practice"
            expire(row, now)
            round_finished = sr.status == "finished"
        # Stored first, graded next (no model to load: it is quick). A failure leaves the answer
        # without a grade; the debrief grades it again.
        grade = None
        try:
            with self.store.session() as session:
                grade = grade_and_save(self.bank, session, answer_id, item.problem_id, clean)
        except Exception:
            logger.exception("Grading the approach answer %s failed", answer_id)
        return ApproachAnswered(
            answer_id=answer_id,
            item_id=item_id,
            grade=grade if practice else None,
            late=late,
            round_finished=round_finished,
        )

    def skip(self, user_id: int, session_id: str, item_id: str) -> SessionView:
        """Move on: from an unanswered question, a follow-up, or a coding problem."""
        with self._lock(session_id), self.store.session() as session:
            row = self._open_row(session, user_id, session_id)
            now = self.clock()
            sr, state, _item = self._item_state(row, item_id)
            touch(row, now)
            if state.get("status") == "answered":
                state["status"] = "done"
            elif state.get("status") == "open":
                state["status"] = "done" if state.get("submissions") else "skipped"
            set_item(row, sr, item_id, state, self.clock())
            return self._view(session, row, now)

    def submit_code(
        self,
        user_id: int,
        session_id: str,
        item_id: str,
        language: str,
        source: str,
        mode: str,
        custom_input: str | None = None,
    ) -> int:
        """Save and queue code for a coding item of the running round; return its id."""
        if self.submissions is None:
            raise InterviewError("The judge is not running yet; try again in a few seconds.", 503)
        from barraiser.interview.submissions import SubmissionError

        with self._lock(session_id), self.store.session() as session:
            row = self._open_row(session, user_id, session_id)
            now = self.clock()
            sr, state, item = self._item_state(row, item_id)
            if not item.is_coding or item.problem_id is None:
                raise InterviewError(f"{item.title!r} is answered in words, not code.", 400)
            touch(row, now)
            # Code sent as the time ran out is stored and judged like an answer sent late,
            # but does not count.
            late = sr.status != "active"
            # Whether an accepted submission leaves time to explain it (the approach question).
            left = round(time_left_s(row, sr, now), 1)
            round_pk = sr.id
        try:
            submission_id = self.submissions.submit(
                user_id,
                item.problem_id,
                language,
                source,
                mode,
                custom_input,
                session_round_id=round_pk,
            )
        except SubmissionError as exc:
            raise InterviewError(exc.message, exc.status_code) from None
        with self._lock(session_id), self.store.session() as session:
            row = self._row(session, user_id, session_id)
            sr = next(r for r in row.rounds if r.id == round_pk)
            state = dict(sr.state["items"].get(item_id, {"status": "open"}))
            state["submissions"] = [*state.get("submissions", []), submission_id]
            state[LEFT_KEY] = {**state.get(LEFT_KEY, {}), str(submission_id): left}
            if late:
                state["late_submissions"] = [*state.get("late_submissions", []), submission_id]
            set_item(row, sr, item_id, state, self.clock())
        return submission_id

    # -- scorecards and debrief ----------------------------------------------------------------

    def debrief(self, user_id: int, session_id: str) -> Debrief:
        """The debrief of a finished or abandoned session (409 while it is still running).

        A debrief is stored once it is final (no verdict pending, every answer graded) and read
        back from then on, so a report never changes after the fact.  Answers stored while the
        grader failed are graded again first; those still failing are left out, and said so.
        """
        from barraiser.interview.debrief import build_debrief
        from barraiser.interview.decision import decision_sentences
        from barraiser.interview.records import record_reviews, round_scorecard

        with self.store.session() as session:
            row = self._row(session, user_id, session_id)
            if row.status == "active":
                raise InterviewError(
                    "The session is not finished: take (or end) its remaining rounds first.", 409
                )
            if row.debrief is not None:
                try:
                    return Debrief.model_validate(row.debrief)
                except ValidationError:  # stored by an older version: build it again
                    logger.info("Rebuilding the stored debrief of session %s", session_id)
        self._grade_again(user_id, session_id)
        with self._lock(session_id), self.store.session() as session:
            row = self._row(session, user_id, session_id)
            loop = loop_of(row)
            finished = [sr for sr in row.rounds if sr.status == "finished"]
            cards = [round_scorecard(session, self.bank, loop, sr) for sr in finished]
            if not cards:
                raise InterviewError(
                    "No round of this session was taken: there is no debrief.", 409
                )
            abandoned = row.status == "abandoned"
            debrief = build_debrief(
                session_id=row.id,
                mode=row.mode,
                loop=loop,
                started_at=row.started_at,
                finished_at=row.finished_at,
                scorecards=cards,
                bank=self.bank,
                decision_rule=decision_sentences(loop.decision, self.bank.value_word(loop)),
                partial=abandoned,
            )
            notes = []
            if abandoned:
                notes.append(
                    f"You left this session after {len(cards)} of {len(row.rounds)} round(s): "
                    "this is a partial debrief, with no hiring decision."
                )
            failed = [o.title for c in cards for o in c.items if o.grading_failed]
            if failed:
                notes.append(
                    f"{len(failed)} answer(s) could not be graded or judged ("
                    + "; ".join(failed)
                    + "): they are stored, and left out of the ratings. Open the debrief again "
                    "once the grader or the judge works, to include them."
                )
            debrief = debrief.model_copy(update={"note": " ".join(notes) or None})
            if debrief.pending:
                return debrief
            if not row.state.get("reviewed"):
                record_reviews(session, user_id, cards, self.clock())
                row.state = {**row.state, "reviewed": True}
            if not failed:
                for card, sr in zip(cards, finished, strict=True):
                    sr.scorecard = card.model_dump(mode="json")
                row.debrief = debrief.model_dump(mode="json")
                if debrief.decision is not None:
                    row.decision = debrief.decision.label
                elif row.mode == "practice":
                    row.decision = "Practice"
            return debrief

    def _grade_again(self, user_id: int, session_id: str) -> None:
        """Grade the session's stored answers that have no grading yet (the grader had failed)."""
        with self.store.session() as session:
            row = self._row(session, user_id, session_id)
            todo = []
            stored = list(
                session.scalars(
                    select(Answer)
                    .where(Answer.session_round_id.in_([sr.id for sr in row.rounds]))
                    .order_by(Answer.id)
                    .options(selectinload(Answer.gradings), selectinload(Answer.parent))
                )
            )
            for answer in stored:
                if answer.gradings:
                    continue
                if answer.question_id.startswith(APPROACH_PREFIX):
                    # Graded without a model, here and now.
                    problem_id = answer.question_id.removeprefix(APPROACH_PREFIX)
                    grade_and_save(self.bank, session, answer.id, problem_id, answer.text)
                    continue
                parent = answer.parent
                text = answer.text
                if parent is not None:
                    # A follow-up is graded with everything heard before it: the answer, then
                    # the earlier follow-ups' answers (a story in a loop gets up to two).
                    earlier = [
                        a.text
                        for a in stored
                        if a.parent_answer_id == parent.id and a.id < answer.id
                    ]
                    text = "\n\n".join([parent.text, *earlier, answer.text])
                combined_with = None if parent is None else parent.id
                todo.append((answer.id, answer.question_id, text, combined_with))
        if self.answers is None:
            return
        # Grade workers (hosted mode) get one wait for them all, not one per answer.
        deadline = time.monotonic() + self.answers.settings.grade_wait_s
        for answer_id, question_id, text, combined_with in todo:
            try:
                target = self.answers.bank_target(question_id)
                self.answers.grade_in_round(
                    user_id,
                    answer_id,
                    target,
                    text,
                    combined_with=combined_with,
                    deadline=deadline,
                )
            except AnswerError as exc:
                logger.warning("Answer %s still cannot be graded: %s", answer_id, exc.message)


def _target_and_text(
    answers: AnswerService, question_id: str, text: str | None
) -> tuple[GradingTarget, str]:
    """The question's rubric and the checked answer text, or the refusal as a sentence."""
    from barraiser.interview.answers import _check_answer

    try:
        return answers.bank_target(question_id), _check_answer(text)
    except AnswerError as exc:
        raise InterviewError(exc.message, exc.status_code) from None
