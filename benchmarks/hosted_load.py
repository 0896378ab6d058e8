"""Judging throughput on the task queue (issue 14, item 5): 1 worker against 2.

Starts a throw-away PostgreSQL and Redis (as the tests do), then for each worker count: empties
the database, starts that many `barraiser worker --concurrency 1` processes, warms them up (each
builds two-sum's hidden tests once), saves and queues N two-sum submissions from U simulated
candidates as the hosted web process does (one in three wrong), and waits for every verdict.

Prints submissions/s (N over the time from the first save to the last verdict), p50/p95 time to
verdict (saved -> judged), lost or double-recorded submissions (always checked), and the ratio
of the 2-worker throughput to the 1-worker one. Run as root (the sandbox):

    PYTHONPATH=src .venv/bin/python benchmarks/hosted_load.py [--submissions 100] [--users 20]
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from barraiser.config import Settings  # noqa: E402
from barraiser.content.problems import load_problem_folder  # noqa: E402
from barraiser.interview.review import PROBLEM_PREFIX  # noqa: E402
from barraiser.interview.submissions import SubmissionLimits, SubmissionService  # noqa: E402
from barraiser.judge.jobs import JobQueue  # noqa: E402
from barraiser.store import CodeSubmission, ReviewCard, Store, User, init_store  # noqa: E402
from postgres_support import drop_everything, postgres_server  # noqa: E402
from redis_support import redis_server  # noqa: E402

TWO_SUM = ROOT / "content/problems/two-sum"
REFERENCE = (TWO_SUM / "solutions/reference.py").read_text()
WRONG = (TWO_SUM / "solutions/wrong_same_index.py").read_text()


def _start_workers(count: int, settings: Settings, folder: Path) -> list[subprocess.Popen[bytes]]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "BARRAISER_CONFIG": str(folder / "no-config.toml"),
        "BARRAISER_DATA_DIR": str(folder / "data"),
        "BARRAISER_DATABASE_URL": settings.resolved_database_url,
        "BARRAISER_BROKER_URL": settings.broker_url or "",
    }
    workers = []
    for i in range(count):
        log = open(folder / f"worker{i}.log", "wb")  # noqa: SIM115 (the worker keeps it)
        workers.append(
            subprocess.Popen(
                [sys.executable, "-m", "barraiser", "worker", "--concurrency", "1"],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        )
        log.close()
    deadline = time.monotonic() + 120
    for i in range(count):
        while " ready." not in (folder / f"worker{i}.log").read_text(errors="replace"):
            if time.monotonic() > deadline or workers[i].poll() is not None:
                raise SystemExit(f"worker {i} did not start; see {folder}/worker{i}.log")
            time.sleep(0.1)
    return workers


def _stop(workers: list[subprocess.Popen[bytes]]) -> None:
    for worker in workers:
        os.killpg(worker.pid, signal.SIGTERM)
    for worker in workers:
        try:
            worker.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()


def _wait(store: Store, ids: list[int], timeout_s: float) -> list[CodeSubmission]:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with store.session() as session:
            rows = list(session.scalars(select(CodeSubmission).where(CodeSubmission.id.in_(ids))))
        if all(row.verdict is not None for row in rows):
            return rows
        time.sleep(0.1)
    raise SystemExit(f"not every submission was judged in {timeout_s:.0f} s")


def run(workers: int, submissions: int, users: int, db_url: str, broker_url: str) -> float:
    """One measurement; returns submissions per second."""
    drop_everything(db_url)
    folder = Path(tempfile.mkdtemp(prefix=f"barraiser-load-{workers}-"))
    settings = Settings(database_url=db_url, data_dir=folder / "web", broker_url=broker_url)
    store = init_store(settings)
    loaded = load_problem_folder(TWO_SUM, ROOT / "content", [])
    assert loaded is not None
    job_queue = JobQueue(settings)
    service = SubmissionService(
        store,
        {loaded.id: loaded},
        enqueue=job_queue.send,
        limits=SubmissionLimits(per_minute=submissions + 2 * workers),
    )
    with store.session() as session:
        people = [User(name=f"Candidate {i}", username=f"load{i}") for i in range(users)]
        session.add_all(people)
        session.flush()
        user_ids = [p.id for p in people]
    procs = _start_workers(workers, settings, folder)
    try:
        warm = [service.submit(user_ids[0], "two-sum", "python", REFERENCE, "submit")]
        warm += [service.submit(user_ids[0], "two-sum", "python", REFERENCE, "submit")
                 for _ in range(2 * workers - 1)]  # fmt: skip
        _wait(store, warm, 300)
        expected: dict[int, str] = {}
        began = time.time()
        for i in range(submissions):
            wrong = i % 3 == 0
            sid = service.submit(
                user_ids[i % users], "two-sum", "python", WRONG if wrong else REFERENCE, "submit"
            )
            expected[sid] = "WA" if wrong else "AC"
        rows = _wait(store, list(expected), 900)
    finally:
        _stop(procs)
        job_queue.close()
    wrong_verdicts = sum(row.verdict != expected[row.id] for row in rows)
    with store.session() as session:
        reps = {
            card.user_id: card.reps
            for card in session.scalars(
                select(ReviewCard).where(ReviewCard.question_id == PROBLEM_PREFIX + "two-sum")
            )
        }
    counted = Counter(row.user_id for row in rows)
    counted[user_ids[0]] += len(warm)
    doubled = sum(abs(reps.get(u, 0) - n) for u, n in counted.items())
    store.close()
    latencies = sorted(
        (row.judged_at - row.created_at).total_seconds() for row in rows if row.judged_at
    )
    span = max(row.judged_at.timestamp() for row in rows if row.judged_at) - began
    rate = submissions / span
    p95 = latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))]
    print(
        f"{workers} worker(s): {submissions} submissions in {span:.1f} s = {rate:.2f}/s; "
        f"time to verdict p50 {statistics.median(latencies):.1f} s, p95 {p95:.1f} s; "
        f"lost 0, wrong verdicts {wrong_verdicts}, extra or missing recordings {doubled}",
        flush=True,
    )
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--submissions", type=int, default=100)
    parser.add_argument("--users", type=int, default=20)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    with postgres_server() as db_url, redis_server() as broker:
        one = run(1, args.submissions, args.users, db_url, broker.url)
        two = run(2, args.submissions, args.users, db_url, broker.url)
    print(f"throughput ratio 2 workers / 1 worker: {two / one:.2f} (target >= 1.8)")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
