"""Free-text answers: validated, saved, then graded (and optionally judged by an LLM), kept.

An answer is committed to the store before it is graded, so nothing the candidate wrote is lost
when grading fails.  The grader (chosen in the settings: the claim verifier by default; a few
seconds to load) is loaded lazily, once per process, by the first grading, and shared; gradings
run one at a time because they are CPU work on a small machine.  Grades travel as typed
:class:`StoredGrade` objects and become JSON only in the store.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from barraiser.interview.models import StoredGrade
from barraiser.interview.review import is_reviewable, rating_for_score
from barraiser.interview.review import record_review as review
from barraiser.store import Answer, Store, utcnow
from barraiser.store.queries import answers_for_question, save_answer, save_grading

if TYPE_CHECKING:
    from barraiser.config import Settings
    from barraiser.content.loader import Bank
    from barraiser.grading.grader import Grader
    from barraiser.grading.llm import LLMConfig, LLMOutcome
    from barraiser.grading.rubric import PreparedRubric

logger = logging.getLogger(__name__)

#: Longest answer accepted, in characters (the grader reads the first 400 words anyway).
MAX_ANSWER_CHARS = 20_000
#: Longest ad-hoc question and reference answer, in characters.
MAX_QUESTION_CHARS = 5_000
MAX_REFERENCE_CHARS = 20_000
#: ``question_id`` of answers to ad-hoc questions: ``adhoc:`` and a digest of question + reference.
ADHOC_PREFIX = "adhoc:"


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


class AnswerService:
    """Grades answers to bank and ad-hoc questions and keeps every answer with its grading."""

    def __init__(self, store: Store, bank: Bank, settings: Settings) -> None:
        self.store = store
        self.bank = bank
        self.settings = settings
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
        """
        answer_text = _check_answer(text)
        with self.store.session() as session:
            answer = save_answer(
                session, user_id, target.question_id, answer_text, prompt_text=target.prompt
            )
            answer_id = answer.id
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
    ) -> StoredGrade:
        """Grade ``graded_text`` for the saved answer ``answer_id``, save and return the result.

        ``combined_with`` marks a follow-up graded together with the first answer (that id).
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
            save_grading(
                session, answer_id, result.grader_version, result.score, result.to_json_dict()
            )
            # A draft's answer is not scored: it must not schedule a review from a zero.
            if record_review and is_reviewable(target.question_id) and not result.draft:
                rating = rating_for_score(result.score)
                review(session, user_id, target.question_id, rating, utcnow())
        return result

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
