"""Lab runs on the task queue (hosted mode with a broker): typed lab jobs, both sides.

A web process saves a run in the database (``lab_runs``, status ``queued``) and queues a
:class:`LabJob`; a ``barraiser worker --queues labs`` process claims the run, runs the lab
(one at a time per worker: labs are CPU work), writes its progress and end into the run's row
while its claim holds, and the result into the lab cache of the data folder, which the web and
lab workers share in hosted mode (``<data_dir>/cache/labs``). The claim, lease, late
acknowledgement and sweep are the judge's (:class:`~barraiser.judge.jobs.ClaimQueue`).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from barraiser.judge.jobs import LABS_QUEUE, ClaimQueue, celery_app, send_typed
from barraiser.labs.base import LabError, ProgressFn, Size

if TYPE_CHECKING:
    from barraiser.config import Settings
    from barraiser.store import Store

logger = logging.getLogger(__name__)

LAB_TASK = "barraiser.run_lab"
#: Progress is written to the database at most this often, in seconds.
PROGRESS_EVERY_S = 0.5


def lab_cache_dir(data_dir: Path) -> Path:
    """Where lab results are cached: the CLI's cache, in the data folder."""
    return data_dir / "cache" / "labs"


def run_lab_for_web(lab_id: str, size: Size, cache_dir: Path, progress: ProgressFn) -> str | None:
    """Run a lab into the cache (or find it there); None when it succeeded, else a sentence
    saying why it did not. A broken lab never raises."""
    from barraiser.storage import storage_error

    # Labs draw with matplotlib's Figure API; a server has no display, whatever the lab does.
    os.environ.setdefault("MPLBACKEND", "Agg")
    try:
        from barraiser.labs.runner import run_lab

        run_lab(
            lab_id, fast=size == "fast", cache_dir=cache_dir, use_cache=True, on_progress=progress
        )
    except LabError as exc:
        return str(exc)
    except Exception as exc:
        full = storage_error(exc, cache_dir)
        if full is not None:  # the run's partial files are already removed
            logger.warning("Lab %s (%s) stopped: %s", lab_id, size, full)
            return full.sentence("the lab's results were not saved")
        logger.exception("Lab %s (%s) failed", lab_id, size)
        return (
            f"The lab stopped with an unexpected error ({type(exc).__name__}: {exc}). "
            f"Run `barraiser lab run {lab_id}` in a terminal for details, and look at the "
            "server log."
        )
    return None


@dataclass(frozen=True)
class LabJob:
    """One saved lab run to carry out: what travels through the broker, as JSON."""

    run_id: str

    @property
    def row_id(self) -> str:
        return self.run_id

    def to_json(self) -> dict[str, Any]:
        """The job as a JSON object."""
        return {"run_id": self.run_id}

    @classmethod
    def from_json(cls, data: Any) -> LabJob:
        """The job from its JSON object; ValueError for anything else."""
        if not isinstance(data, Mapping) or set(data) != {"run_id"}:
            raise ValueError(f"not a lab job: {data!r}")
        run_id = data["run_id"]
        if not isinstance(run_id, str) or not run_id.isalnum() or len(run_id) > 32:
            raise ValueError(f"not a lab run id: {run_id!r}")
        return cls(run_id)


class LabQueue:
    """What a web process uses to queue lab runs saved in the database."""

    def __init__(self, settings: Settings) -> None:
        self._app = celery_app(settings)

    def send(self, run_id: str) -> None:
        """Queue a saved lab run."""
        send_typed(self._app, LAB_TASK, LABS_QUEUE, LabJob(run_id))

    def close(self) -> None:
        """Close the connections to the broker."""
        self._app.close()


class _LabWork:
    """A worker's lab runs: one at a time, progress and end written under the claim."""

    def __init__(self, store: Store, cache_dir: Path) -> None:
        self.store = store
        self.cache_dir = cache_dir
        self._one_at_a_time = threading.Lock()

    def __call__(self, job: Any, holder: str) -> bool:
        from barraiser.store.models import LabRun, utcnow
        from barraiser.store.queue_claims import record

        with self.store.session() as session:
            run = session.get(LabRun, job.run_id)
            if run is None:
                return False
            lab_id, size = run.lab_id, run.size
        size_: Size = "fast" if size == "fast" else "full"

        def update(**values: Any) -> bool:
            with self.store.session() as session:
                return record(session, "lab_run", job.run_id, holder, end_lease=False, **values)

        last = 0.0

        def progress(message: str, fraction: float | None) -> None:
            nonlocal last
            if time.monotonic() - last < PROGRESS_EVERY_S:
                return
            last = time.monotonic()
            values: dict[str, Any] = {"message": message[:500]}
            if fraction is not None:
                values["fraction"] = min(1.0, max(0.0, float(fraction)))
            update(**values)

        with self._one_at_a_time:
            if not update(status="running", message="Starting", started_at=utcnow()):
                return False
            error = run_lab_for_web(lab_id, size_, self.cache_dir, progress)
            if error is None:
                from barraiser.labs import results
                from barraiser.labs.runner import cache_entry

                # Into the database, where every web process finds it (any machine).
                entry = cache_entry(lab_id, size_, self.cache_dir)
                if not results.save(self.store, lab_id, size_, entry):
                    error = "The lab ran, but its result could not be stored; run it again."
        with self.store.session() as session:
            return record(
                session,
                "lab_run",
                job.run_id,
                holder,
                status="failed" if error else "done",
                message="Failed" if error else "Finished",
                fraction=None if error else 1.0,
                error=error,
                finished_at=utcnow(),
            )


def lab_queue(settings: Settings, store: Store, name: str) -> ClaimQueue:
    """The lab queue of a worker: runs into the lab cache of its data folder."""
    return ClaimQueue(
        queue=LABS_QUEUE,
        task_name=LAB_TASK,
        kind="lab_run",
        settings=settings,
        store=store,
        work=_LabWork(store, lab_cache_dir(settings.data_dir)),
        parse=LabJob.from_json,
        make_job=LabJob,
        name=name,
        on_requeue={"status": "queued", "message": "Waiting to start again"},
    )
