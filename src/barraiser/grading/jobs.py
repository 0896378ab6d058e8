"""Grading on the task queue (hosted mode with a broker): typed grade jobs, both sides.

The web process saves a practice answer with ``grading_state = "queued"`` and queues a
:class:`GradeJob`; a ``barraiser worker --queues grade`` process claims the answer in the
database, grades it with the same code as in process (``AnswerService.grade_claimed``, which
calls ``grade_saved``) on a grader loaded once per process, and saves the grading only while its
claim holds, so each answer is graded once. The claim, lease, late acknowledgement and sweep are
the judge's (``judge/jobs.py``, :class:`~barraiser.judge.jobs.ClaimQueue`); the CLI hands the
grading service in, so this module imports nothing of ``interview/`` or ``web/``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from barraiser.judge.jobs import GRADE_QUEUE, ClaimQueue, ClaimQueueFactory, celery_app, send_typed

if TYPE_CHECKING:
    from barraiser.config import Settings
    from barraiser.store import Store

GRADE_TASK = "barraiser.grade_answer"


class Grading(Protocol):
    """What grades a queued answer and saves its grading while ``holder``'s claim holds
    (``AnswerService.grade_claimed``); True when this call saved it."""

    def grade_claimed(self, answer_id: int, holder: str) -> bool: ...


#: Builds the grading service of a worker from its store (the grader is loaded on first use).
GradingFactory = Callable[["Store"], Grading]


@dataclass(frozen=True)
class GradeJob:
    """One saved answer to grade: what travels through the broker, as JSON."""

    answer_id: int

    @property
    def row_id(self) -> int:
        return self.answer_id

    def to_json(self) -> dict[str, Any]:
        """The job as a JSON object."""
        return {"answer_id": self.answer_id}

    @classmethod
    def from_json(cls, data: Any) -> GradeJob:
        """The job from its JSON object; ValueError for anything else."""
        if not isinstance(data, Mapping) or set(data) != {"answer_id"}:
            raise ValueError(f"not a grade job: {data!r}")
        answer_id = data["answer_id"]
        if not isinstance(answer_id, int) or isinstance(answer_id, bool):
            raise ValueError(f"not an answer id: {answer_id!r}")
        return cls(answer_id)


class GradeQueue:
    """What the web process uses to queue grade jobs (``AnswerService(enqueue=...)``)."""

    def __init__(self, settings: Settings) -> None:
        self._app = celery_app(settings)

    def send(self, answer_id: int) -> None:
        """Queue the grading of a saved answer."""
        send_typed(self._app, GRADE_TASK, GRADE_QUEUE, GradeJob(answer_id))

    def close(self) -> None:
        """Close the connections to the broker."""
        self._app.close()


def grade_queue(grading: GradingFactory) -> ClaimQueueFactory:
    """The grade queue of a worker, grading with the service ``grading`` builds."""

    def build(settings: Settings, store: Store, name: str) -> ClaimQueue:
        service = grading(store)

        def work(job: Any, holder: str) -> bool:
            return service.grade_claimed(job.answer_id, holder)

        return ClaimQueue(
            queue=GRADE_QUEUE,
            task_name=GRADE_TASK,
            kind="answer",
            settings=settings,
            store=store,
            work=work,
            parse=GradeJob.from_json,
            make_job=GradeJob,
            name=name,
        )

    return build
