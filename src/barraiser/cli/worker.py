"""``barraiser worker``: a judge worker fed by the task queue (hosted mode, issue 14)."""

from __future__ import annotations

from typing import Annotated

import typer

from barraiser.cli._common import fail, settings


def worker(
    queues: Annotated[
        str, typer.Option(help="Comma-separated queues to serve (today: judge).")
    ] = "judge",
    concurrency: Annotated[
        int, typer.Option(min=1, max=64, help="Judgements at once; one sandbox slot each.")
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
    """Judge queued submissions: needs BARRAISER_BROKER_URL, the database and the sandbox."""
    from barraiser.interview.submissions import SubmissionService
    from barraiser.judge.jobs import WorkerError, run_worker
    from barraiser.storage import StorageError
    from barraiser.store import StoreError

    current = settings()
    names = [name.strip() for name in queues.split(",") if name.strip()]
    try:
        run_worker(
            current,
            judging=lambda store, problems, n: SubmissionService(store, problems, slots=n),
            queues=names,
            concurrency=concurrency,
            slot_base=slot_base,
        )
    except (WorkerError, StoreError, StorageError) as exc:
        fail(str(exc))
