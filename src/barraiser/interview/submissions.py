"""Code submissions: validated, saved, then judged by a pool of worker threads.

A submission is written to the store (``verdict`` NULL) before it is queued, so a crash or a
restart loses nothing: :meth:`SubmissionService.start` queues again every submission that has no
verdict yet. Each worker owns one sandbox slot; by default there is one worker per CPU core.
A submission that cannot be judged or recorded because the disk is full stays queued and is
tried again later (after 1, 2, 4 ... seconds, at most a minute apart), so it is judged as soon as
space returns, without a restart.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Literal, get_args

from sqlalchemy import func, select, text

from barraiser.interview.review import PROBLEM_PREFIX, rating_for_verdict, record_review
from barraiser.storage import StorageError, storage_error
from barraiser.store import CodeSubmission, Store, utcnow
from barraiser.store.claims import record_claimed_verdict
from barraiser.store.models import SubmissionMode
from barraiser.store.queries import create_submission, record_verdict

logger = logging.getLogger(__name__)

MODES: tuple[str, ...] = get_args(SubmissionMode)
SubmissionStatus = Literal["queued", "judging", "done"]

#: ``judge(problem, source, language, mode, custom_input, slot)`` -> the judgement as a dict with
#: at least ``verdict``. The default runs :func:`barraiser.judge.runner.judge` in a sandbox slot.
JudgeFn = Callable[[Any, str, str, str, "str | None", int], dict[str, Any]]


class SubmissionError(ValueError):
    """A submission refused before it is saved; ``status_code`` is the HTTP status to answer."""

    def __init__(self, message: str, status_code: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code


@dataclass(frozen=True)
class SubmissionLimits:
    """What one user may send: sizes in bytes of UTF-8, and submissions per minute."""

    max_source_bytes: int = 64 * 1024
    max_custom_input_bytes: int = 1024 * 1024
    per_minute: int = 10


@dataclass(frozen=True)
class SubmissionState:
    """Where a submission is: queued, being judged, or done with its verdict and result."""

    id: int
    user_id: int
    problem_id: str
    language: str
    mode: str
    status: SubmissionStatus
    verdict: str | None
    result: dict[str, Any] | None
    source: str = ""


def _kib(size: int) -> str:
    return f"{size // 1024} KiB" if size < 1024 * 1024 else f"{size // (1024 * 1024)} MiB"


_sandboxes: dict[int, Any] = {}
_sandboxes_lock = threading.Lock()

#: Held from counting a user's recent submissions to saving the new one, so that concurrent
#: requests cannot all see room under the limit (the database lock below does the same across
#: processes on PostgreSQL).
_rate_lock = threading.Lock()
#: The high 32 bits of PostgreSQL's advisory lock key taken per user while submitting.
_POSTGRES_RATE_LOCK_CLASS = 0x62727273  # "brrs"


def _rate_lock_key(user_id: int) -> int:
    return _POSTGRES_RATE_LOCK_CLASS * 2**32 + user_id % 2**32


def _sandbox_for(slot: int) -> Any:
    # One sandbox per slot, reused: each owns a cgroup that costs ~20 ms to set up.
    from barraiser.judge import Sandbox

    with _sandboxes_lock:
        if slot not in _sandboxes:
            _sandboxes[slot] = Sandbox(slot=slot)
        return _sandboxes[slot]


def _sandbox_judge(
    problem: Any, source: str, language: str, mode: str, custom_input: str | None, slot: int
) -> dict[str, Any]:
    # Imported lazily: building the web app must not load the judge (nor need a sandbox).
    from barraiser.judge import SandboxUnavailable
    from barraiser.judge.runner import judge

    try:
        sandbox = _sandbox_for(slot)
    except SandboxUnavailable as exc:
        return _internal_error(f"The judge cannot run untrusted code here: {exc}.")
    judgement = judge(problem, source, language, mode, custom_input, sandbox=sandbox)  # type: ignore[arg-type]
    result: dict[str, Any] = judgement.to_dict()
    return result


@dataclass(frozen=True)
class RetryDelays:
    """How long a submission stopped by a full disk waits before it is judged again: the first
    wait, doubled after each failure up to the longest."""

    first_s: float = 1.0
    longest_s: float = 60.0

    def after(self, failures: int) -> float:
        """The wait after ``failures`` failures in a row (1 or more)."""
        return float(min(self.longest_s, self.first_s * 2 ** min(failures - 1, 32)))


@dataclass
class _Pool:
    jobs: queue.Queue[int | None] = field(default_factory=queue.Queue)
    threads: list[threading.Thread] = field(default_factory=list)
    judging: set[int] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)
    #: Failures in a row, per submission, for a storage problem; and the timers that re-queue.
    failures: dict[int, int] = field(default_factory=dict)
    timers: set[threading.Timer] = field(default_factory=set)


class SubmissionService:
    """Accepts code, saves it, judges it on ``slots`` worker threads and reports its state."""

    def __init__(
        self,
        store: Store,
        problems: Mapping[str, Any],
        *,
        slots: int | None = None,
        limits: SubmissionLimits | None = None,
        judge: JudgeFn | None = None,
        retry: RetryDelays | None = None,
        enqueue: Callable[[int], None] | None = None,
    ) -> None:
        self.store = store
        self.problems = problems
        self.slots = max(1, slots if slots is not None else (os.cpu_count() or 1))
        self.limits = limits or SubmissionLimits()
        self.retry = retry or RetryDelays()
        self._judge = judge or _sandbox_judge
        #: Hosted mode with a broker: hand each saved submission to the task queue (the judge
        #: workers, :mod:`barraiser.judge.jobs`) instead of judging it in this process.
        self._enqueue = enqueue
        self._pool = _Pool()
        self._started = False

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> int:
        """Start the workers and queue every saved submission without a verdict; return how many."""
        if self._started:
            return 0
        self._started = True
        if self._enqueue is not None:
            return 0  # the workers' sweep queues what is pending (judge/jobs.py)
        for slot in range(self.slots):
            thread = threading.Thread(
                target=self._work, args=(slot,), name=f"judge-worker-{slot}", daemon=True
            )
            thread.start()
            self._pool.threads.append(thread)
        with self.store.session() as session:
            pending = list(
                session.scalars(
                    select(CodeSubmission.id)
                    .where(CodeSubmission.verdict.is_(None))
                    .order_by(CodeSubmission.id)
                )
            )
        for submission_id in pending:
            self._pool.jobs.put(submission_id)
        if pending:
            logger.info("Resuming %d pending submission(s)", len(pending))
        return len(pending)

    def stop(self, timeout_s: float = 10.0) -> None:
        """Let each worker finish its current submission and stop; queued ones stay pending."""
        if not self._started:
            return
        # Drop what is queued or waiting to be tried again: it stays saved without a verdict and
        # resumes at the next start.
        with self._pool.lock:
            timers = list(self._pool.timers)
            self._pool.timers.clear()
            self._pool.failures.clear()
        for timer in timers:
            timer.cancel()
        while True:
            try:
                self._pool.jobs.get_nowait()
            except queue.Empty:
                break
        for _ in self._pool.threads:
            self._pool.jobs.put(None)
        for thread in self._pool.threads:
            thread.join(timeout_s)
        self._pool.threads.clear()
        self._started = False

    # -- submitting ------------------------------------------------------------------------

    def validate(
        self, problem_id: str, language: str, source: str, mode: str, custom_input: str | None
    ) -> None:
        """Raise :class:`SubmissionError` with a sentence saying what to fix."""
        if problem_id not in self.problems:
            raise SubmissionError(
                f"There is no problem with id {problem_id!r}. GET /api/problems lists them.", 404
            )
        from barraiser.judge.languages import LANGUAGES

        if language not in LANGUAGES:
            raise SubmissionError(
                f"Language {language!r} is not supported; use one of: {', '.join(LANGUAGES)}."
            )
        refusal = self.problems[problem_id].problem.language_refusal(language)
        if refusal is not None:
            raise SubmissionError(f"{refusal[0].upper()}{refusal[1:]}.")
        if mode not in MODES:
            raise SubmissionError(f"Mode {mode!r} is not known; use one of: {', '.join(MODES)}.")
        if not source.strip():
            raise SubmissionError("The source code is empty: write a solution first.")
        size = len(source.encode("utf-8"))
        if size > self.limits.max_source_bytes:
            raise SubmissionError(
                f"The source code is {size} bytes; the limit is "
                f"{_kib(self.limits.max_source_bytes)}. Shorten it and submit again.",
                413,
            )
        if mode == "custom":
            if custom_input is None:
                raise SubmissionError("Mode 'custom' needs a custom_input (it may be empty).")
            size = len(custom_input.encode("utf-8"))
            if size > self.limits.max_custom_input_bytes:
                raise SubmissionError(
                    f"The custom input is {size} bytes; the limit is "
                    f"{_kib(self.limits.max_custom_input_bytes)}. Use a smaller input.",
                    413,
                )
            self._check_arguments(problem_id, custom_input)
        elif custom_input is not None:
            raise SubmissionError(
                f"custom_input is only read in mode 'custom', not in mode {mode!r}."
            )

    def _check_arguments(self, problem_id: str, custom_input: str) -> None:
        # Function-style problems read one JSON object of arguments; say so before saving.
        signature = getattr(self.problems[problem_id].problem, "signature", None)
        if signature is None:
            return
        names = [param.name for param in signature.params]
        expected = "a JSON object with exactly these keys: " + ", ".join(names)
        try:
            args = json.loads(custom_input)
        except ValueError as exc:
            raise SubmissionError(
                f"The custom input is not valid JSON ({exc}); give {expected}."
            ) from None
        if not isinstance(args, dict) or sorted(args) != sorted(names):
            raise SubmissionError(f"The custom input must be {expected}.")

    def submit(
        self,
        user_id: int,
        problem_id: str,
        language: str,
        source: str,
        mode: str,
        custom_input: str | None = None,
        *,
        session_round_id: int | None = None,
    ) -> int:
        """Validate, save (verdict NULL) and queue a submission; return its id.

        ``session_round_id`` ties it to a round of an interview session.
        """
        self.validate(problem_id, language, source, mode, custom_input)
        with _rate_lock, self.store.session() as session:
            if session.get_bind().dialect.name == "postgresql":
                # Serialises the count and the insert per user across server processes; the
                # lock ends with the transaction.
                session.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": _rate_lock_key(user_id)}
                )
            since = utcnow() - timedelta(minutes=1)
            recent = session.scalar(
                select(func.count())
                .select_from(CodeSubmission)
                .where(CodeSubmission.user_id == user_id, CodeSubmission.created_at >= since)
            )
            if (recent or 0) >= self.limits.per_minute:
                raise SubmissionError(
                    f"Too many submissions: at most {self.limits.per_minute} a minute. "
                    "Wait a few seconds and try again.",
                    429,
                )
            submission = create_submission(
                session,
                user_id,
                problem_id,
                language,
                source,
                mode,  # type: ignore[arg-type]  # checked by validate()
                stdin=custom_input,
                session_round_id=session_round_id,
            )
            submission_id = submission.id
        # Queued only once the row is committed: a worker always finds it.
        if self._enqueue is not None:
            try:
                self._enqueue(submission_id)
            except Exception:  # saved: the workers' sweep queues it again later
                logger.exception("Submission %d is saved but not queued yet", submission_id)
        elif self._started:
            self._pool.jobs.put(submission_id)
        return submission_id

    def status(self, submission_id: int) -> SubmissionState | None:
        """The state of a submission, or None when there is no such id."""
        with self.store.session() as session:
            row = session.get(CodeSubmission, submission_id)
            if row is None:
                return None
            with self._pool.lock:
                judging = submission_id in self._pool.judging
            # A judge worker elsewhere holds a live claim on it (judge/jobs.py).
            lease = row.lease_until
            judging = judging or (
                row.claimed_by is not None and lease is not None and lease > utcnow()
            )
            status: SubmissionStatus = "judging" if judging else "queued"
            if row.verdict is not None:
                status = "done"
            return SubmissionState(
                id=row.id,
                user_id=row.user_id,
                problem_id=row.problem_id,
                language=row.language,
                mode=row.mode,
                status=status,
                verdict=row.verdict,
                result=row.result,
                source=row.source,
            )

    # -- judging ---------------------------------------------------------------------------

    def _work(self, slot: int) -> None:
        while True:
            submission_id = self._pool.jobs.get()
            if submission_id is None:
                return
            try:
                self.judge_one(submission_id, slot)
            except StorageError as exc:
                self._try_again_later(submission_id, exc)
            except Exception:  # a worker must survive anything, or the queue stalls
                logger.exception("Judging submission %d failed", submission_id)

    def _try_again_later(self, submission_id: int, problem: StorageError) -> None:
        """Keep the submission queued and judge it again after a growing wait."""
        with self._pool.lock:
            if not self._started:
                return  # saved without a verdict: the next start queues it again
            failures = self._pool.failures.get(submission_id, 0) + 1
            self._pool.failures[submission_id] = failures
            delay = self.retry.after(failures)

            def requeue() -> None:
                with self._pool.lock:
                    self._pool.timers.discard(timer)
                    if not self._started:
                        return
                self._pool.jobs.put(submission_id)

            timer = threading.Timer(delay, requeue)
            timer.daemon = True
            self._pool.timers.add(timer)
        timer.start()
        logger.warning(
            "Submission %d stays queued: %s Trying again in %.0f s.",
            submission_id,
            problem.sentence("its verdict was not saved"),
            delay,
        )

    def judge_one(self, submission_id: int, slot: int = 0, holder: str | None = None) -> str | None:
        """Judge one saved submission now and record its verdict; None if already judged.

        With ``holder`` (a judge worker that claimed the submission), the verdict is recorded
        only while that claim is still its own; None when it was lost meanwhile.

        Raises :class:`~barraiser.storage.StorageError` when the disk is too full to judge it
        or to record the verdict: the submission then stays queued, with no verdict.
        """
        with self.store.session() as session:
            row = session.get(CodeSubmission, submission_id)
            if row is None or row.verdict is not None:
                return None
            problem_id, language, source = row.problem_id, row.language, row.source
            mode, stdin, user_id = row.mode, row.stdin, row.user_id
            session_round_id = row.session_round_id
        with self._pool.lock:
            if submission_id in self._pool.judging:
                return None
            self._pool.judging.add(submission_id)
        try:
            result = self._run(problem_id, language, source, mode, stdin, slot)
            verdict = str(result.get("verdict") or "IE")
            with self.store.session() as session:
                if holder is None:
                    record_verdict(session, submission_id, verdict, result)
                elif not record_claimed_verdict(session, submission_id, holder, verdict, result):
                    logger.warning("Submission %d: claim lost, verdict dropped", submission_id)
                    return None
                # IE is the judge's failure, not the candidate's: it says nothing to review.
                # Interview sessions review their items once, at the debrief (the engine).
                if mode == "submit" and verdict != "IE" and session_round_id is None:
                    passed, total = hidden_counts(result)
                    rating = rating_for_verdict(verdict, passed, total)
                    record_review(session, user_id, PROBLEM_PREFIX + problem_id, rating, utcnow())
            with self._pool.lock:
                self._pool.failures.pop(submission_id, None)
            return verdict
        finally:
            with self._pool.lock:
                self._pool.judging.discard(submission_id)

    def _run(
        self, problem_id: str, language: str, source: str, mode: str, stdin: str | None, slot: int
    ) -> dict[str, Any]:
        problem = self.problems.get(problem_id)
        if problem is None:
            return _internal_error(
                f"The problem {problem_id!r} is no longer installed, so this submission "
                "cannot be judged."
            )
        try:
            return self._judge(problem, source, language, mode, stdin, slot)
        except Exception as exc:
            from barraiser.judge.runner import SubmissionRejected

            full = storage_error(exc, None)
            if full is not None:
                # Not the submission's fault, nor a verdict: judge it again when there is room.
                raise full from exc
            if isinstance(exc, SubmissionRejected):
                # The judge refused what it was given (e.g. a custom argument of the wrong type).
                return _internal_error(f"The judge refused this submission: {exc}.")
            logger.exception("The judge failed on a %s submission to %s", language, problem_id)
            return _internal_error(
                f"The judge failed: {exc}. Try again; if it keeps failing, "
                "run `barraiser judge doctor`."
            )


def hidden_counts(result: Mapping[str, Any] | None) -> tuple[int, int]:
    """Hidden tests passed and run by a judgement: (0, 0) when none ran.

    The judge runs the hidden tests only once every sample passes, so a submission stopped at a
    sample (or by a compile error) ran no hidden test.  Scorecards, progress and review all count
    with this one function.
    """
    hidden = [t for t in (result or {}).get("tests") or [] if t.get("kind") == "hidden"]
    return sum(t.get("verdict") in ("AC", "OK") for t in hidden), len(hidden)


def _internal_error(message: str) -> dict[str, Any]:
    return {"verdict": "IE", "message": message, "tests": []}
