"""Free-text answers: validated, saved, then graded (and optionally judged by an LLM), kept.

An answer is committed to the store before it is graded, so nothing the candidate wrote is lost
when grading fails.  The grader (chosen in the settings: the claim verifier by default; a few
seconds to load) is loaded lazily, once per process, by the first grading, and shared; gradings
run one at a time because they are CPU work on a small machine.  Grades travel as typed
:class:`StoredGrade` objects and become JSON only in the store.

In hosted mode with a broker (``enqueue``), :meth:`AnswerService.submit` saves the answer as
queued and hands its id to the grade queue; a grade worker then calls
:meth:`AnswerService.grade_claimed`, which grades with the same code under the worker's claim.
An answer of an interview round goes the same way (:meth:`AnswerService.grade_in_round`), but
the web process waits for its grading (the round needs it to go on), so it never loads the
grader itself.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from barraiser.interview.models import StoredGrade
from barraiser.interview.review import is_reviewable, rating_for_score
from barraiser.interview.review import record_review as review
from barraiser.store import Answer, Store, utcnow
from barraiser.store import queue_claims as claims
from barraiser.store.queries import answers_for_question, save_answer, save_grading

if TYPE_CHECKING:
    from barraiser.config import Settings
    from barraiser.content.loader import Bank
    from barraiser.grading.grader import Grader
    from barraiser.grading.llm import LLMConfig, LLMOutcome
    from barraiser.grading.rubric import PreparedRubric

logger = logging.getLogger(__name__)

#: Longest answer accepted, in characters (the graders read ANSWER_MAX_WORDS words of it).
MAX_ANSWER_CHARS = 20_000
#: Longest ad-hoc question and reference answer, in characters.
MAX_QUESTION_CHARS = 5_000
MAX_REFERENCE_CHARS = 20_000
#: ``question_id`` of answers to ad-hoc questions: ``adhoc:`` and a digest of question + reference.
ADHOC_PREFIX = "adhoc:"
#: How often a web process looks for the grading of a round's answer it queued, in seconds.
GRADE_POLL_S = 0.05


class AnswerError(ValueError):
    """An answer refused before it is saved (or graded); ``status_code`` is the HTTP status."""

    def __init__(self, message: str, status_code: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code


@dataclass(frozen=True)
class GradingTarget:
    """What an answer is graded against: a bank question, or an ad-hoc question + reference."""

    question_id: str
    prompt: str
    rubric: PreparedRubric
    reference_answer: str | None = None


@dataclass(frozen=True)
class StoredAnswer:
    """An answer as stored, with its latest grading (None when grading failed)."""

    id: int
    question_id: str
    text: str
    prompt_text: str | None
    created_at: datetime
    grader_version: str | None
    score: float | None
    result: StoredGrade | None
    #: "queued" while a grade worker has yet to grade it (hosted mode), else as stored.
    grading_state: str | None = None

    @property
    def being_graded(self) -> bool:
        """Saved and on the grade queue, not graded yet."""
        return self.result is None and self.grading_state == "queued"

    @classmethod
    def of(cls, answer: Answer) -> StoredAnswer:
        latest = answer.gradings[-1] if answer.gradings else None
        return cls(
            id=answer.id,
            question_id=answer.question_id,
            text=answer.text,
            prompt_text=answer.prompt_text,
            created_at=answer.created_at,
            grader_version=latest.grader_version if latest else None,
            score=latest.score if latest else None,
            result=StoredGrade.from_store(dict(latest.result)) if latest else None,
            grading_state=answer.grading_state,
        )


def _check_answer(text: str | None) -> str:
    if text is None or not text.strip():
        raise AnswerError(
            "The answer is empty: write your answer (a few sentences, as you would say it in "
            "the interview) and send it again."
        )
    if len(text) > MAX_ANSWER_CHARS:
        raise AnswerError(
            f"The answer is {len(text):,} characters long; the grader takes at most "
            f"{MAX_ANSWER_CHARS:,}. Cut it to what you would say in the interview (a 2-3 minute "
            "spoken answer is about 300-400 words) and send it again.",
            413,
        )
    return text.strip()


class LostClaim(RuntimeError):
    """A grade worker's claim on an answer ended before its grading was saved (nothing saved)."""


class AnswerService:
    """Grades answers to bank and ad-hoc questions and keeps every answer with its grading.

    ``enqueue`` (hosted mode with a broker) queues a saved answer's id for the grade workers:
    :meth:`submit` then saves and queues, and never grades in this process.
    """

    def __init__(
        self,
        store: Store,
        bank: Bank,
        settings: Settings,
        enqueue: Callable[[int], None] | None = None,
    ) -> None:
        self.store = store
        self.bank = bank
        self.settings = settings
        self.enqueue = enqueue
        self._grader: Grader | None = None
        self._lock = threading.Lock()
        # Prepared rubrics keep their embeddings: prepare each bank question once.
        self._rubrics: dict[str, PreparedRubric] = {}

    # -- what to grade against ------------------------------------------------------------------

    def bank_target(self, question_id: str) -> GradingTarget:
        """The rubric of a free-text bank question; refused for unknown or coding questions."""
        from barraiser.grading.rubric import from_question

        question = self.bank.questions.get(question_id)
        if question is None:
            raise AnswerError(
                f"No question with id {question_id!r}. GET /api/questions lists the ids.", 404
            )
        if not question.is_free_text:
            raise AnswerError(
                f"{question_id!r} is a {question.kind} question, judged by running code: "
                f"send your code to POST /api/submissions instead (or open /questions/"
                f"{question_id} in the browser)."
            )
        rubric = self._rubrics.get(question.id)
        if rubric is None:
            rubric = self._rubrics.setdefault(question.id, from_question(question))
        return GradingTarget(question.id, question.prompt, rubric)

    def adhoc_target(self, question: str | None, reference_answer: str | None) -> GradingTarget:
        """A rubric derived from a question and its reference answer (like ``grade-batch``)."""
        from barraiser.grading.rubric import RubricError, from_reference

        prompt = (question or "").strip()
        reference = (reference_answer or "").strip()
        if not prompt or not reference:
            raise AnswerError(
                "An ad-hoc question needs both `question` and `reference_answer` (a model "
                "answer to grade against); or send `question_id` for a question of the bank."
            )
        if len(prompt) > MAX_QUESTION_CHARS or len(reference) > MAX_REFERENCE_CHARS:
            raise AnswerError(
                f"The question may have at most {MAX_QUESTION_CHARS:,} characters and the "
                f"reference answer {MAX_REFERENCE_CHARS:,}: shorten them and send them again.",
                413,
            )
        try:
            rubric = from_reference(prompt, reference)
        except RubricError as exc:
            raise AnswerError(f"The reference answer cannot be graded against: {exc}") from None
        digest = hashlib.sha256(f"{prompt}\x00{reference}".encode()).hexdigest()[:16]
        return GradingTarget(ADHOC_PREFIX + digest, prompt, rubric, reference_answer=reference)

    # -- grading ------------------------------------------------------------------------------

    def grader(self) -> Grader:
        """The process-wide grader, loaded on first use (raises ``ModelUnavailable``)."""
        with self._lock:
            return self._load_grader()

    def _load_grader(self) -> Grader:
        if self._grader is None:
            from barraiser.grading.grader import get_grader

            principles = list(self.bank.principles.values())
            self._grader = get_grader(self.settings, principles)
        return self._grader

    def submit(
        self,
        user_id: int,
        target: GradingTarget,
        text: str | None,
        *,
        record_review: bool = True,
    ) -> StoredAnswer:
        """Save the answer, grade it, save the grading; return the stored answer.

        With ``record_review``, a graded bank question also reviews its spaced-repetition card.

        Raises :class:`AnswerError` for a refused answer (nothing saved) and, with status 503,
        when the grader cannot run (the answer is saved; the message gives its id).

        With ``enqueue``, the answer is saved as queued and queued: the stored answer comes back
        ungraded (``being_graded``) and a grade worker grades it.
        """
        answer_text = _check_answer(text)
        with self.store.session() as session:
            answer = save_answer(
                session, user_id, target.question_id, answer_text, prompt_text=target.prompt
            )
            answer_id = answer.id
            if self.enqueue is not None:
                answer.grading_state = "queued"
                answer.reference_text = target.reference_answer
        if self.enqueue is not None:
            try:
                self.enqueue(answer_id)
            except Exception:  # the broker is away: the workers' sweep queues it later
                logger.warning("Could not queue answer %d; the sweep will", answer_id)
            queued = self.get(user_id, answer_id)
            assert queued is not None
            return queued
        self.grade_saved(user_id, answer_id, target, answer_text, record_review=record_review)
        stored = self.get(user_id, answer_id)
        assert stored is not None
        return stored

    def grade_saved(
        self,
        user_id: int,
        answer_id: int,
        target: GradingTarget,
        graded_text: str,
        *,
        record_review: bool = True,
        combined_with: int | None = None,
        holder: str | None = None,
    ) -> StoredGrade:
        """Grade ``graded_text`` for the saved answer ``answer_id``, save and return the result.

        ``combined_with`` marks a follow-up graded together with the first answer (that id).
        ``holder`` (a grade worker) saves the grading only while its claim on the queued answer
        holds, and raises :class:`LostClaim` (nothing saved) when it does not.
        Raises :class:`AnswerError` 503 when the grader cannot run (the answer stays saved).
        """
        try:
            result = self._grade(target, graded_text)
        except Exception as exc:
            from barraiser.grading.embeddings import ModelUnavailable

            if not isinstance(exc, ModelUnavailable):
                logger.exception("Grading answer %s failed", answer_id)
            raise AnswerError(
                f"Your answer was saved (id {answer_id}) but could not be graded: "
                f"{exc if isinstance(exc, ModelUnavailable) else 'the grader hit an error'}. "
                "Try again in a moment; if it keeps happening, look at the server log.",
                503,
            ) from exc
        if combined_with is not None:
            result.combined_with = combined_with
            result.graded_text = graded_text
        with self.store.session() as session:
            if holder is not None and not claims.record(
                session, "answer", answer_id, holder, grading_state="graded"
            ):
                raise LostClaim(f"the claim on answer {answer_id} ended before it was graded")
            save_grading(
                session, answer_id, result.grader_version, result.score, result.to_json_dict()
            )
            # A draft's answer is not scored: it must not schedule a review from a zero.
            if record_review and is_reviewable(target.question_id) and not result.draft:
                rating = rating_for_score(result.score)
                review(session, user_id, target.question_id, rating, utcnow())
        return result

    def grade_claimed(self, answer_id: int, holder: str) -> bool:
        """Grade a queued answer under a grade worker's claim (``grading.jobs``); True when
        this call saved its grading. An answer whose question is gone, or that breaks the
        grader, is marked failed; a grader that cannot load raises, so the job is tried again
        after the claim's lease."""
        from barraiser.grading.embeddings import ModelUnavailable

        with self.store.session() as session:
            answer = session.get(Answer, answer_id)
            if answer is None or answer.grading_state != "queued":
                return False
            user_id, question_id = answer.user_id, answer.question_id
            # A follow-up of a round is graded with what was heard before it, as in process.
            text = answer.graded_text if answer.graded_text is not None else answer.text
            combined_with = answer.parent_answer_id
            record_review = answer.records_review is not False
            prompt, reference = answer.prompt_text, answer.reference_text
        try:
            if question_id.startswith(ADHOC_PREFIX):
                target = self.adhoc_target(prompt, reference)
            else:
                target = self.bank_target(question_id)
            self.grade_saved(
                user_id,
                answer_id,
                target,
                text,
                record_review=record_review,
                combined_with=combined_with,
                holder=holder,
            )
        except LostClaim:
            logger.warning("Lost the claim on answer %d before saving its grading", answer_id)
            return False
        except AnswerError as exc:
            if isinstance(exc.__cause__, ModelUnavailable):
                raise
            logger.warning("Answer %d cannot be graded: %s", answer_id, exc.message)
            with self.store.session() as session:
                claims.record(session, "answer", answer_id, holder, grading_state="failed")
            return False
        return True

    # -- answers of interview rounds ------------------------------------------------------------

    def grade_in_round(
        self,
        user_id: int,
        answer_id: int,
        target: GradingTarget,
        graded_text: str,
        *,
        combined_with: int | None = None,
        deadline: float | None = None,
    ) -> StoredGrade:
        """Grade a saved answer of an interview round (no review card: the debrief records the
        reviews) and return its grading, as :meth:`grade_saved` does.

        With ``enqueue`` (hosted mode with a broker) a grade worker grades it: the answer is
        marked queued with what to grade, queued, and waited for until ``deadline`` (a
        ``time.monotonic()`` value; by default ``grade_wait_s`` from now). Raises
        :class:`AnswerError` 503 when it is not graded by then (the answer stays saved and
        queued: a worker that comes back grades it).
        """
        if self.enqueue is None:
            return self.grade_saved(
                user_id,
                answer_id,
                target,
                graded_text,
                record_review=False,
                combined_with=combined_with,
            )
        if deadline is None:
            deadline = time.monotonic() + self.settings.grade_wait_s
        with self.store.session() as session:
            answer = session.get(Answer, answer_id)
            if answer is None or answer.user_id != user_id:
                raise AnswerError(f"No answer {answer_id} to grade.", 404)
            # What the worker grades: ``combined_with`` is the answer's parent (its row says so).
            assert combined_with == answer.parent_answer_id, (combined_with, answer_id)
            answer.graded_text = graded_text if graded_text != answer.text else None
            answer.records_review = False
            if answer.grading_state != "queued":  # new, or failed before: queued afresh
                answer.grading_state = "queued"
                answer.claimed_by = None
                answer.lease_until = None
        try:
            self.enqueue(answer_id)
        except Exception as exc:  # the broker is away: no worker can hear of it now
            logger.warning("Could not queue answer %d of a round", answer_id, exc_info=True)
            raise AnswerError(
                f"Your answer was saved (id {answer_id}) but could not be graded: the task "
                "queue's broker cannot be reached. Try again in a moment; if it keeps "
                "happening, ask whoever runs this server to check the broker "
                "(BARRAISER_BROKER_URL).",
                503,
            ) from exc
        return self._wait_for_grading(answer_id, deadline)

    def _wait_for_grading(self, answer_id: int, deadline: float) -> StoredGrade:
        """The grading a worker saves for ``answer_id``, looked for every ``GRADE_POLL_S``."""
        while True:
            with self.store.session() as session:
                answer = session.get(Answer, answer_id)
                if answer is None:
                    raise AnswerError(f"Answer {answer_id} was deleted before it was graded.", 404)
                state = answer.grading_state
                latest = answer.gradings[-1] if answer.gradings else None
                graded = StoredGrade.from_store(dict(latest.result)) if latest else None
            if state == "graded" and graded is not None:
                return graded
            if state == "failed":
                raise AnswerError(
                    f"Your answer was saved (id {answer_id}) but could not be graded: the "
                    "grader hit an error. Try again in a moment; if it keeps happening, look at "
                    "the grade workers' logs.",
                    503,
                )
            if time.monotonic() >= deadline:
                raise AnswerError(
                    f"Your answer was saved (id {answer_id}) but could not be graded: the "
                    f"grading workers are not answering (nothing graded it within "
                    f"{self.settings.grade_wait_s:g} s). Send your answer again in a moment; if "
                    "it keeps happening, ask whoever runs this server to start a grade worker "
                    "(`barraiser worker --queues grade`) or to look at the workers' logs.",
                    503,
                )
            time.sleep(GRADE_POLL_S)

    def _grade(self, target: GradingTarget, text: str) -> StoredGrade:
        if target.rubric.draft:
            from barraiser.grading.draft import draft_result
            from barraiser.grading.embeddings import ModelUnavailable

            with self._lock:
                try:
                    grader: Grader | None = self._load_grader()
                except ModelUnavailable:  # a draft scores nothing: keep its answer all the same
                    grader = None
                drafted = draft_result(text, target.rubric, grader)
            return StoredGrade.model_validate(drafted.model_dump())
        with self._lock:
            built_in = self._load_grader().grade(text, target.rubric)
        result = StoredGrade.model_validate(built_in.model_dump())
        result.reference_answer = target.reference_answer
        # The LLM judge's second opinion, unless it already is the grader.
        if built_in.grader != "llm":
            result.llm = self._llm(target, text)
        return result

    def llm_config(self) -> LLMConfig | LLMOutcome | None:
        """The LLM judge's configuration, None when it is off, or an outcome holding the error."""
        from barraiser.grading.llm import LLMConfigError, LLMOutcome, config_from_settings

        try:
            return config_from_settings(self.settings)
        except LLMConfigError as exc:
            return LLMOutcome(model=self.settings.llm_model or "", error=str(exc))

    def _llm(self, target: GradingTarget, text: str) -> LLMOutcome | None:
        from barraiser.grading.llm import LLMOutcome, judge_with_llm

        config = self.llm_config()
        if config is None or isinstance(config, LLMOutcome):
            return config
        try:
            return judge_with_llm(target.prompt, target.rubric, text, config)
        except Exception:  # the judge promises not to raise; never lose the built-in grade
            logger.exception("The LLM judge failed")
            return LLMOutcome(
                model=config.model, error="The LLM judge failed unexpectedly; see the server log."
            )

    # -- reading ------------------------------------------------------------------------------

    def get(self, user_id: int, answer_id: int) -> StoredAnswer | None:
        """One of the user's answers with its latest grading; None for another user's."""
        with self.store.session() as session:
            answer = session.get(Answer, answer_id)
            if answer is None or answer.user_id != user_id:
                return None
            return StoredAnswer.of(answer)

    def attempts(self, user_id: int, question_id: str) -> list[StoredAnswer]:
        """The user's answers to a question, newest first, with their latest gradings."""
        with self.store.session() as session:
            answers = answers_for_question(session, user_id, question_id)
            return [StoredAnswer.of(a) for a in reversed(answers)]
