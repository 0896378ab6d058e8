"""``barraiser worker``: judge, grade and lab workers fed by the task queue (hosted mode)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from barraiser.cli._common import fail, settings

if TYPE_CHECKING:
    from barraiser.config import Settings
    from barraiser.interview.answers import AnswerService
    from barraiser.store import Store


def _answers(current: Settings, store: Store) -> AnswerService:
    """The grading service of a grade worker: the same as the web app's, on this worker's
    content, with the content folders an admin enabled (the grader is loaded once, by the
    first answer)."""
    from barraiser.content.folders import load_with_folders
    from barraiser.interview.answers import AnswerService

    return AnswerService(store, load_with_folders(current, store).bank, current)


def worker(
    queues: Annotated[
        str, typer.Option(help="Comma-separated queues to serve: judge, grade, labs.")
    ] = "judge",
    concurrency: Annotated[
        int,
        typer.Option(min=1, max=64, help="Jobs at once; each judgement takes one sandbox slot."),
    ] = 1,
    slot_base: Annotated[
        int | None,
        typer.Option(
            min=0,
            help="First sandbox slot (slots BASE .. BASE+N-1); default: the first free ones. "
            "Two workers on one machine never share a slot either way.",
        ),
    ] = None,
) -> None:
    """Judge submissions, grade answers and run labs from the task queue: needs
    BARRAISER_BROKER_URL and the database (and the sandbox for judge, the shared data folder
    for labs)."""
    from barraiser.grading.jobs import grade_queue
    from barraiser.interview.submissions import SubmissionService
    from barraiser.judge.jobs import GRADE_QUEUE, LABS_QUEUE, WorkerError, run_worker
    from barraiser.labs.jobs import lab_queue
    from barraiser.storage import StorageError
    from barraiser.store import StoreError

    current = settings()
    if current.hosted:
        # The same refusal as the web process: a worker shares its database and secret key.
        from barraiser.accounts import hosted_problems

        problems = hosted_problems(current)
        if problems:
            fail("Hosted mode cannot start this worker: " + "; ".join(problems) + ".")
    names = [name.strip() for name in queues.split(",") if name.strip()]
    try:
        run_worker(
            current,
            judging=lambda store, problems, n: SubmissionService(store, problems, slots=n),
            queues=names,
            concurrency=concurrency,
            slot_base=slot_base,
            claim_queues={
                GRADE_QUEUE: grade_queue(lambda store: _answers(current, store)),
                LABS_QUEUE: lab_queue,
            },
        )
    except (WorkerError, StoreError, StorageError) as exc:
        fail(str(exc))
