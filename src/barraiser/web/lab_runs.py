"""Labs in the web app: cached results by size, and runs in one background thread.

A run started from a page keeps going when the page is closed: its result lands in the lab
cache (``<data_dir>/cache/labs``), where the page finds it next time. One lab runs at a time per
process; later requests wait in a short queue, and a full queue is refused with a sentence.

In hosted mode with a broker, :class:`QueuedLabRunner` takes the runner's place: a run is a row
of the database (``lab_runs``), queued for the lab workers (``labs/jobs.py``), so every web
process sees every run's state; the workers write results to the lab cache of the data folder
that they share with the web processes.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from sqlalchemy import func, select

from barraiser.labs.base import LabResult, Size
from barraiser.labs.jobs import run_lab_for_web
from barraiser.labs.registry import get_lab

if TYPE_CHECKING:
    from barraiser.store import Store
    from barraiser.store.models import LabRun as LabRunRow

logger = logging.getLogger(__name__)

RunStatus = Literal["queued", "running", "done", "failed"]

#: Runs waiting behind the one that is running; more are refused.
MAX_WAITING = 4
#: Finished runs remembered for the status API (the results themselves stay in the cache).
MAX_REMEMBERED = 50


@dataclass(frozen=True)
class CachedLab:
    """A lab result read from the cache, with where its files are and when it was made."""

    result: LabResult
    entry: Path
    ran_at: datetime

    @property
    def size(self) -> Size:
        return self.result.size

    def figure_path(self, file: str) -> Path | None:
        """The PNG file of a figure named in the result, or None for any other name."""
        if file not in {figure.file for figure in self.result.figures}:
            return None
        path = (self.entry / file).resolve()
        if path.parent != self.entry.resolve() or not path.is_file():
            return None
        return path


#: Fetches a result missing from the local cache into it (hosted mode: from the database).
Restore = Callable[[str, Size, Path], bool]


class LabCache:
    """Reads cached lab results at each lab's current version; with ``restore``, a result
    missing here is fetched into the cache first (``labs.results``: hosted mode)."""

    def __init__(self, cache_dir: Path, restore: Restore | None = None) -> None:
        self.cache_dir = cache_dir
        self.restore = restore

    def get(self, lab_id: str, size: Size) -> CachedLab | None:
        """The cached result of this lab's current version at this size, if any."""
        # Imported here: the runner brings numpy, which the rest of the web app does not need.
        from barraiser.labs.runner import cache_entry, read_cached

        entry = cache_entry(lab_id, size, self.cache_dir)
        result = read_cached(entry)
        if result is None and self.restore is not None and self.restore(lab_id, size, entry):
            result = read_cached(entry)
        if result is None or result.id != lab_id:
            return None
        ran_at = datetime.fromtimestamp((entry / "result.json").stat().st_mtime, tz=UTC)
        return CachedLab(result=result, entry=entry, ran_at=ran_at)

    def best(self, lab_id: str) -> CachedLab | None:
        """The full-size result when there is one, else the quick (fast) one."""
        return self.get(lab_id, "full") or self.get(lab_id, "fast")


@dataclass(frozen=True)
class LabRun:
    """A snapshot of one run: where it is, its last progress message, and how it ended."""

    id: str
    lab_id: str
    size: Size
    status: RunStatus = "queued"
    message: str = "Waiting to start"
    fraction: float | None = None
    error: str | None = None
    queued_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    started_at: datetime | None = None
    finished_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.status in ("queued", "running")

    @property
    def elapsed_s(self) -> float:
        if self.started_at is None:
            return 0.0
        end = self.finished_at or datetime.now(UTC)
        return max(0.0, (end - self.started_at).total_seconds())


class LabRunsBusy(Exception):
    """Too many lab runs are waiting; the message says what to do."""


def _busy(active: int) -> LabRunsBusy:
    return LabRunsBusy(
        f"{active - 1} lab runs are already waiting for the one that is running; "
        "try again when one of them has finished."
    )


class Runs(Protocol):
    """What the lab routes use: :class:`LabRunner` (in process) or :class:`QueuedLabRunner`."""

    cache: LabCache

    def start(self, lab_id: str, size: Size) -> LabRun: ...
    def get(self, run_id: str) -> LabRun | None: ...
    def active_for(self, lab_id: str) -> LabRun | None: ...
    def ahead_of(self, run_id: str) -> int: ...
    def wait(self, run_id: str, timeout_s: float) -> LabRun | None: ...


class LabRunner:
    """Runs labs one at a time in a daemon thread and keeps the state of recent runs."""

    def __init__(self, cache: LabCache) -> None:
        self.cache = cache
        self._runs: OrderedDict[str, LabRun] = OrderedDict()
        self._lock = threading.Lock()
        self._queue: queue.Queue[str] = queue.Queue()
        self._thread: threading.Thread | None = None

    def start(self, lab_id: str, size: Size) -> LabRun:
        """Queue a run of this lab, or return the run of the same lab and size already under way."""
        lab = get_lab(lab_id)  # LabError for an unknown id
        with self._lock:
            for run in self._runs.values():
                if run.lab_id == lab.id and run.size == size and run.active:
                    return run
            active = sum(1 for run in self._runs.values() if run.active)
            if active > MAX_WAITING:
                raise _busy(active)
            run = LabRun(id=uuid.uuid4().hex[:12], lab_id=lab.id, size=size)
            self._runs[run.id] = run
            self._forget_old()
            self._queue.put(run.id)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._work, name="lab-runner", daemon=True)
                self._thread.start()
        return run

    def get(self, run_id: str) -> LabRun | None:
        with self._lock:
            return self._runs.get(run_id)

    def active_for(self, lab_id: str) -> LabRun | None:
        """The newest queued or running run of this lab, if any."""
        with self._lock:
            for run in reversed(self._runs.values()):
                if run.lab_id == lab_id and run.active:
                    return run
        return None

    def ahead_of(self, run_id: str) -> int:
        """How many runs will start (or are running) before this queued one."""
        with self._lock:
            ahead = 0
            for run in self._runs.values():
                if run.id == run_id:
                    return ahead
                if run.active:
                    ahead += 1
        return 0

    def wait(self, run_id: str, timeout_s: float) -> LabRun | None:
        """Block until the run has finished or the time is up (for tests and scripts)."""
        deadline = time.monotonic() + timeout_s
        while True:
            run = self.get(run_id)
            if run is None or not run.active or time.monotonic() >= deadline:
                return run
            time.sleep(0.05)

    def _update(self, run_id: str, **changes: object) -> None:
        with self._lock:
            run = self._runs.get(run_id)
            if run is not None:
                self._runs[run_id] = replace(run, **changes)  # type: ignore[arg-type]

    def _forget_old(self) -> None:
        finished = [run.id for run in self._runs.values() if not run.active]
        for run_id in finished[: max(0, len(self._runs) - MAX_REMEMBERED)]:
            del self._runs[run_id]

    def _work(self) -> None:
        while True:
            try:
                run_id = self._queue.get(timeout=5)
            except queue.Empty:
                with self._lock:
                    if self._queue.empty():
                        self._thread = None
                        return
                continue
            run = self.get(run_id)
            if run is not None:
                self._execute(run)

    def _execute(self, run: LabRun) -> None:
        self._update(run.id, status="running", message="Starting", started_at=datetime.now(UTC))

        def progress(message: str, fraction: float | None) -> None:
            changes: dict[str, object] = {"message": message}
            if fraction is not None:
                changes["fraction"] = min(1.0, max(0.0, float(fraction)))
            self._update(run.id, **changes)

        # A broken lab never raises here: it ends the run with a sentence saying why.
        self._finish(
            run.id, error=run_lab_for_web(run.lab_id, run.size, self.cache.cache_dir, progress)
        )

    def _finish(self, run_id: str, error: str | None) -> None:
        self._update(
            run_id,
            status="failed" if error else "done",
            message="Failed" if error else "Finished",
            fraction=None if error else 1.0,
            error=error,
            finished_at=datetime.now(UTC),
        )


def _snapshot(row: LabRunRow) -> LabRun:
    return LabRun(
        id=row.id,
        lab_id=row.lab_id,
        size="fast" if row.size == "fast" else "full",
        status=row.status,
        message=row.message,
        fraction=row.fraction,
        error=row.error,
        queued_at=row.queued_at,
        started_at=row.started_at,
        finished_at=row.finished_at,
    )


class QueuedLabRunner:
    """Lab runs kept in the database and carried out by lab workers (hosted mode): the same
    answers as :class:`LabRunner`, from any web process."""

    def __init__(self, cache: LabCache, store: Store, send: Callable[[str], None]) -> None:
        self.cache = cache
        self.store = store
        self._send = send

    def start(self, lab_id: str, size: Size) -> LabRun:
        """Queue a run of this lab, or return the run of the same lab and size already under way."""
        from barraiser.store.models import LabRun as LabRunRow

        lab = get_lab(lab_id)  # LabError for an unknown id
        with self.store.session() as session:
            active = session.scalars(
                select(LabRunRow)
                .where(LabRunRow.status.in_(("queued", "running")))
                .order_by(LabRunRow.queued_at)
            ).all()
            for row in active:
                if row.lab_id == lab.id and row.size == size:
                    return _snapshot(row)
            if len(active) > MAX_WAITING:
                raise _busy(len(active))
            row = LabRunRow(id=uuid.uuid4().hex[:12], lab_id=lab.id, size=size, status="queued")
            session.add(row)
            session.flush()
            run = _snapshot(row)
        try:
            self._send(run.id)
        except Exception:  # the broker is away: the lab workers' sweep queues it later
            logger.warning("Could not queue lab run %s; the sweep will", run.id)
        return run

    def get(self, run_id: str) -> LabRun | None:
        from barraiser.store.models import LabRun as LabRunRow

        if not run_id.isalnum() or len(run_id) > 32:
            return None
        with self.store.session() as session:
            row = session.get(LabRunRow, run_id)
            return _snapshot(row) if row is not None else None

    def active_for(self, lab_id: str) -> LabRun | None:
        """The newest queued or running run of this lab, if any."""
        from barraiser.store.models import LabRun as LabRunRow

        with self.store.session() as session:
            row = session.scalars(
                select(LabRunRow)
                .where(LabRunRow.lab_id == lab_id, LabRunRow.status.in_(("queued", "running")))
                .order_by(LabRunRow.queued_at.desc())
                .limit(1)
            ).first()
            return _snapshot(row) if row is not None else None

    def ahead_of(self, run_id: str) -> int:
        """How many runs will start (or are running) before this queued one."""
        from barraiser.store.models import LabRun as LabRunRow

        run = self.get(run_id)
        if run is None:
            return 0
        with self.store.session() as session:
            ahead = session.scalar(
                select(func.count())
                .select_from(LabRunRow)
                .where(
                    LabRunRow.status.in_(("queued", "running")),
                    LabRunRow.queued_at < run.queued_at,
                )
            )
            return int(ahead or 0)

    def wait(self, run_id: str, timeout_s: float) -> LabRun | None:
        """Block until the run has finished or the time is up (for tests and scripts)."""
        deadline = time.monotonic() + timeout_s
        while True:
            run = self.get(run_id)
            if run is None or not run.active or time.monotonic() >= deadline:
                return run
            time.sleep(0.2)
