"""Judging on a distributed task queue: Celery over a Redis broker (hosted mode).

The web process saves a submission (verdict NULL) and queues a :class:`JudgeJob`; any number of
``barraiser worker`` processes, on any machine with the sandbox, the content and access to the
database and the broker, take jobs and judge them. The database, not the broker, is the source
of truth (``store/claims.py``):

- a worker claims the submission with one conditional UPDATE before judging it, renews the
  claim's lease every third of ``judge_lease_s`` while it judges, and records the verdict only
  while the claim is still its own, so each submission gets exactly one verdict;
- messages are acknowledged late (after judging) with a prefetch of one, so a job taken by a
  worker that dies is delivered again by the broker;
- every worker sweeps the table every third of the lease and queues again the submissions whose
  claim expired and those nobody claimed for ``judge_requeue_s`` (a broker restarted without
  its data); a duplicate job finds the submission claimed or judged and does nothing.

Each concurrent judgement owns one sandbox slot; a worker process takes its slots with a lock
file per slot (``slot-base`` or the first free ones), so two workers on one machine never share
a slot.

The same Celery app carries the grade and lab queues (the ``jobs`` modules of grading and labs):
each is a :class:`ClaimQueue` over rows of the database (a queued answer, a lab run) with the
same claim, lease, late acknowledgement and sweep as the judge's; the CLI hands their services
in, so this layer imports nothing above it. A worker serves any subset of the queues and claims
sandbox slots only when it serves ``judge``.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import logging
import os
import queue
import socket
import threading
import warnings
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from celery import Celery

    from barraiser.config import Settings
    from barraiser.content.problems import LoadedProblem
    from barraiser.store import Store
    from barraiser.store.queue_claims import Kind

logger = logging.getLogger(__name__)

JUDGE_QUEUE = "judge"
GRADE_QUEUE = "grade"
LABS_QUEUE = "labs"
#: Queues a worker can serve.
KNOWN_QUEUES = (JUDGE_QUEUE, GRADE_QUEUE, LABS_QUEUE)
TASK_NAME = "barraiser.judge_submission"
#: Highest sandbox slot a worker looks at when it picks free slots by itself.
MAX_SLOTS = 256


class WorkerError(RuntimeError):
    """A worker cannot start; the message says what to fix."""


class Judging(Protocol):
    """What judges one saved submission and records its verdict while ``holder``'s claim holds
    (``SubmissionService.judge_one``; the CLI hands it in, so this layer imports nothing above)."""

    def judge_one(
        self, submission_id: int, slot: int = 0, holder: str | None = None
    ) -> str | None: ...


#: Builds the judging service of a worker: (store, problems, concurrency) -> service.
JudgingFactory = Callable[["Store", Mapping[str, "LoadedProblem"], int], Judging]


@dataclass(frozen=True)
class JudgeJob:
    """One submission to judge: what travels through the broker, as JSON."""

    submission_id: int

    def to_json(self) -> dict[str, Any]:
        """The job as a JSON object."""
        return {"submission_id": self.submission_id}

    @classmethod
    def from_json(cls, data: Any) -> JudgeJob:
        """The job from its JSON object; ValueError for anything else."""
        if not isinstance(data, Mapping) or set(data) != {"submission_id"}:
            raise ValueError(f"not a judge job: {data!r}")
        submission_id = data["submission_id"]
        if not isinstance(submission_id, int) or isinstance(submission_id, bool):
            raise ValueError(f"not a submission id: {submission_id!r}")
        return cls(submission_id)


def celery_app(settings: Settings) -> Celery:
    """A Celery app on ``settings.broker_url``, its judge task registered."""
    from celery import Celery

    if not settings.broker_url:
        raise WorkerError(
            "No broker is configured: set BARRAISER_BROKER_URL, e.g. redis://127.0.0.1:6379/0."
        )
    app = Celery("barraiser", broker=settings.broker_url, set_as_current=False)
    app.conf.update(
        task_serializer="json",
        accept_content=["json"],
        task_ignore_result=True,
        task_default_queue=JUDGE_QUEUE,
        task_routes={TASK_NAME: {"queue": JUDGE_QUEUE}},
        # Acknowledged after judging, one job reserved per free slot: a dead worker's job is
        # delivered again rather than lost.
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        # Redis hands an unacknowledged job to another worker after this (the sweep does too).
        broker_transport_options={"visibility_timeout": settings.judge_requeue_s},
        broker_connection_retry_on_startup=True,
        # A judgement under way when the broker connection drops runs to its end: the claim, not
        # the broker's acknowledgement, keeps its verdict single.
        worker_cancel_long_running_tasks_on_connection_loss=False,
        # A web request must not hang on a broker that is down: the sweep queues the job later.
        task_publish_retry_policy={"max_retries": 2, "interval_start": 0, "interval_step": 0.2},
        worker_hijack_root_logger=False,
    )
    app.task(name=TASK_NAME, acks_late=True, reject_on_worker_lost=True)(judge_submission)
    return app


class JobQueue:
    """What the web process uses to queue judge jobs (``SubmissionService(enqueue=...)``)."""

    def __init__(self, settings: Settings) -> None:
        self._app = celery_app(settings)

    def send(self, submission_id: int) -> None:
        """Queue the judging of a saved submission."""
        send_job(self._app, JudgeJob(submission_id))

    def close(self) -> None:
        """Close the connections to the broker."""
        self._app.close()


def send_job(app: Celery, job: JudgeJob) -> None:
    """Publish one job as JSON on the judge queue."""
    app.send_task(TASK_NAME, args=[job.to_json()], queue=JUDGE_QUEUE)


class TypedJob(Protocol):
    """A job of a :class:`ClaimQueue`: a frozen dataclass that travels as a JSON object."""

    @property
    def row_id(self) -> Any: ...

    def to_json(self) -> dict[str, Any]: ...


@dataclass
class ClaimQueue:
    """A queue whose jobs are rows of the database claimed before the work (grade, labs).

    ``work(job, holder)`` does the job and records its outcome only while ``holder``'s claim
    holds (``store.queue_claims.record``); ``make_job(row_id)`` and ``parse(json)`` convert
    between a row id and the typed job. A duplicate message finds the row claimed or finished
    and does nothing; a row whose worker died is swept back onto the queue after its lease.
    """

    queue: str
    task_name: str
    kind: Kind
    settings: Settings
    store: Store
    work: Callable[[Any, str], object]
    parse: Callable[[Any], TypedJob]
    make_job: Callable[[Any], TypedJob]
    name: str
    #: Extra column values a sweep sets on the rows it queues again.
    on_requeue: dict[str, Any] = field(default_factory=dict)
    held: dict[Any, str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    _count: int = 0

    def register(self, app: Celery) -> None:
        """Register this queue's task on the worker's Celery app."""

        def task(job: dict[str, Any]) -> object:
            return self.run(job)

        app.task(name=self.task_name, acks_late=True, reject_on_worker_lost=True)(task)

    def run(self, data: Any) -> object:
        """Claim the job's row and do the job; None when it was done or claimed elsewhere."""
        from barraiser.store.queue_claims import claim

        job = self.parse(data)
        with self.lock:
            self._count += 1
            holder = f"{self.name}:{self.queue}{self._count}"
        with self.store.session() as session:
            claimed = claim(
                session,
                self.kind,
                job.row_id,
                holder,
                self.settings.judge_lease_s,
            )
        if not claimed:
            return None
        with self.lock:
            self.held[job.row_id] = holder
        try:
            return self.work(job, holder)
        finally:
            with self.lock:
                self.held.pop(job.row_id, None)

    def renew(self) -> None:
        """Extend the lease of every claim this process is working on."""
        from barraiser.store.queue_claims import renew

        with self.lock:
            held = list(self.held.items())
        for row_id, holder in held:
            with self.store.session() as session:
                if not renew(session, self.kind, row_id, holder, self.settings.judge_lease_s):
                    logger.warning("Lost the claim on %s %s", self.kind, row_id)

    def sweep(self, app: Celery) -> list[Any]:
        """Queue again the pending rows whose claim expired or that nobody took."""
        from barraiser.store.queue_claims import sweep

        with self.store.session() as session:
            ids = sweep(
                session,
                self.kind,
                self.settings.judge_requeue_s,
                **self.on_requeue,
            )
            for row_id in ids:
                send_typed(app, self.task_name, self.queue, self.make_job(row_id))
        if ids:
            logger.info("Queued again %d %s row(s): %s", len(ids), self.kind, ids)
        return ids


def send_typed(app: Celery, task_name: str, queue_name: str, job: TypedJob) -> None:
    """Publish a typed job as JSON on its queue."""
    app.send_task(task_name, args=[job.to_json()], queue=queue_name)


#: Builds a claim queue of a worker: (settings, store, worker name) -> queue.
ClaimQueueFactory = Callable[["Settings", "Store", str], ClaimQueue]


class _ProblemsOnDemand(Mapping[str, "LoadedProblem"]):
    """The content's problems, each loaded the first time a job needs it: a worker starts at
    once and never reads (or trips over) folders it is not asked to judge."""

    def __init__(self, dirs: list[Path]) -> None:
        self._dirs = dirs
        self._loaded: dict[str, LoadedProblem] = {}
        self._lock = threading.Lock()

    def __getitem__(self, problem_id: str) -> LoadedProblem:
        from barraiser.content.problems import load_problem

        with self._lock:
            if problem_id not in self._loaded:
                # KeyError for an unknown id (judged IE, as in-process); a broken folder raises
                # ContentError, so the job fails and is tried again once its lease runs out.
                self._loaded[problem_id] = load_problem(problem_id, self._dirs)
            return self._loaded[problem_id]

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._loaded))

    def __len__(self) -> int:
        return len(self._loaded)


def _slot_claim_folder() -> Path:
    from barraiser.judge.scratch import runs_root

    return runs_root()


def claim_slots(count: int, base: int | None = None, folder: Path | None = None) -> list[IO[str]]:
    """Lock ``count`` sandbox slots for this process: ``base``, ``base + 1``, ... when given,
    else the first free ones. The locks are open files (``.name`` ends with the slot number);
    the kernel drops them when the process ends, however it ends."""
    folder = folder if folder is not None else _slot_claim_folder()
    wanted = range(base, base + count) if base is not None else range(MAX_SLOTS)
    held: list[IO[str]] = []
    for slot in wanted:
        handle = open(folder / f"worker-slot{slot}.claim", "a")  # noqa: SIM115 (kept open)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            if base is not None:
                for other in held:
                    other.close()
                raise WorkerError(
                    f"Sandbox slot {slot} is used by another worker on this machine: give this "
                    "one another --slot-base, or leave it out to take free slots."
                ) from None
            continue
        held.append(handle)
        if len(held) == count:
            return held
    for other in held:
        other.close()
    raise WorkerError(
        f"Fewer than {count} free sandbox slots under {MAX_SLOTS}: lower --concurrency."
    )


def slot_of(handle: IO[str]) -> int:
    """The slot number of a lock taken by :func:`claim_slots`."""
    return int(Path(handle.name).stem.removeprefix("worker-slot"))


@dataclass
class WorkerRuntime:
    """What a worker process's judge task needs: the store, the judging code, free slots."""

    settings: Settings
    store: Store
    service: Judging
    name: str
    slots: queue.Queue[int] = field(default_factory=queue.Queue)
    #: Submission id -> holder, for the claims this process is judging now (renewed).
    held: dict[int, str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    stopping: threading.Event = field(default_factory=threading.Event)

    def judge(self, job: JudgeJob) -> str | None:
        """Claim the submission, judge it on a free slot and record the verdict; None when it
        was judged or claimed elsewhere (a duplicate job)."""
        from barraiser.store.claims import claim_submission

        slot = self.slots.get()
        holder = f"{self.name}:slot{slot}"
        try:
            with self.store.session() as session:
                claimed = claim_submission(
                    session, job.submission_id, holder, self.settings.judge_lease_s
                )
            if not claimed:
                return None
            with self.lock:
                self.held[job.submission_id] = holder
            try:
                return self.service.judge_one(job.submission_id, slot, holder=holder)
            finally:
                with self.lock:
                    self.held.pop(job.submission_id, None)
        finally:
            self.slots.put(slot)

    def renew(self) -> None:
        """Extend the lease of every claim this process is judging."""
        from barraiser.store.claims import renew_claim

        with self.lock:
            held = list(self.held.items())
        for submission_id, holder in held:
            with self.store.session() as session:
                if not renew_claim(session, submission_id, holder, self.settings.judge_lease_s):
                    logger.warning("Lost the claim on submission %d", submission_id)

    def sweep(self, app: Celery) -> list[int]:
        """Queue again the unjudged submissions whose claim expired or that were never taken."""
        from barraiser.store.claims import sweep_unjudged

        # Published inside the transaction: if the broker refuses, nothing is marked and the
        # next sweep tries again.
        with self.store.session() as session:
            ids = sweep_unjudged(session, self.settings.judge_requeue_s)
            for submission_id in ids:
                send_job(app, JudgeJob(submission_id))
        if ids:
            logger.info("Queued again %d unjudged submission(s): %s", len(ids), ids)
        return ids


_runtime: WorkerRuntime | None = None


def judge_submission(job: dict[str, Any]) -> str | None:
    """The Celery task: judge one submission in this worker process."""
    if _runtime is None:
        raise RuntimeError("judge_submission runs in `barraiser worker` only")
    return _runtime.judge(JudgeJob.from_json(job))


def worker_name() -> str:
    """This process's name in ``claimed_by``: host and process id."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _housekeep(
    settings: Settings,
    app: Celery,
    judge: WorkerRuntime | None,
    others: list[ClaimQueue],
    stopping: threading.Event,
) -> None:
    """Renew claims and sweep every queue served, every third of the lease, until stopped."""
    steps: list[Callable[[], object]] = []
    if judge is not None:
        steps += [judge.renew, lambda: judge.sweep(app)]
    for served in others:
        steps += [served.renew, functools.partial(served.sweep, app)]
    while not stopping.is_set():
        for step in steps:
            try:
                step()
            except Exception:  # the database or broker is away: try again next time
                logger.exception("Worker housekeeping failed")
        stopping.wait(settings.judge_lease_s / 3)


def run_worker(
    settings: Settings,
    *,
    judging: JudgingFactory,
    queues: list[str],
    concurrency: int,
    slot_base: int | None = None,
    log_level: str = "INFO",
    claim_queues: Mapping[str, ClaimQueueFactory] | None = None,
) -> None:
    """Run a Celery worker in this process until it is stopped (SIGTERM or Ctrl+C);
    ``judging`` builds what judges and records each claimed submission, ``claim_queues`` the
    grade and lab queues (by queue name)."""
    global _runtime
    from barraiser.content.bank import content_dirs
    from barraiser.content.folders import enabled_dirs
    from barraiser.store import init_store

    factories = dict(claim_queues or {})
    unknown = [name for name in queues if name not in KNOWN_QUEUES]
    if unknown or not queues:
        raise WorkerError(
            f"Unknown queue(s) {', '.join(unknown) or '(none)'}: a worker serves "
            f"{', '.join(KNOWN_QUEUES)}."
        )
    missing = [name for name in queues if name != JUDGE_QUEUE and name not in factories]
    if missing:
        raise WorkerError(f"This worker cannot serve {', '.join(missing)}.")
    app = celery_app(settings)
    # The sandbox needs root to run code as its slot users; jobs are JSON, never pickles, which
    # is what Celery's warning about root is for.
    warnings.filterwarnings("ignore", message="You're running the worker with superuser")
    serves_judge = JUDGE_QUEUE in queues
    slot_locks = claim_slots(concurrency, slot_base) if serves_judge else []
    store = init_store(settings)
    name = worker_name()
    runtime: WorkerRuntime | None = None
    if serves_judge:
        # The admins' content folders too (hosted mode): their problems are judged here.
        folders = tuple(enabled_dirs(settings, store))
        problems = _ProblemsOnDemand(content_dirs(settings.extra_content_dir, folders))
        runtime = WorkerRuntime(
            settings=settings,
            store=store,
            service=judging(store, problems, concurrency),
            name=name,
        )
        for handle in slot_locks:
            runtime.slots.put(slot_of(handle))
    others = [
        factories[queue_name](settings, store, name)
        for queue_name in queues
        if queue_name != JUDGE_QUEUE
    ]
    for served in others:
        served.register(app)
    slots = sorted(slot_of(handle) for handle in slot_locks)
    if serves_judge:
        logger.info("Worker %s judges on sandbox slots %s", name, slots)
        print(f"barraiser worker {name}: queues {queues}, sandbox slots {slots}", flush=True)
    else:
        print(f"barraiser worker {name}: queues {queues}, no sandbox slots", flush=True)
    _runtime = runtime
    stopping = runtime.stopping if runtime is not None else threading.Event()
    housekeeper = threading.Thread(
        target=_housekeep,
        args=(settings, app, runtime, others, stopping),
        name="worker-housekeeping",
        daemon=True,
    )
    housekeeper.start()
    try:
        worker = app.Worker(
            queues=queues,
            concurrency=concurrency,
            pool="threads",
            hostname=f"barraiser-{os.getpid()}@{socket.gethostname()}",
            loglevel=log_level,
            without_gossip=True,
            without_mingle=True,
            optimization="fair",
        )
        worker.start()
    finally:
        stopping.set()
        housekeeper.join(5)
        _runtime = None
        store.close()
        for handle in slot_locks:
            with contextlib.suppress(OSError):
                handle.close()
