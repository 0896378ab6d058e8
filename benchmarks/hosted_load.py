"""Judging throughput on the task queue and page latency under it (issue 14, item 5).

Starts a throw-away PostgreSQL and Redis (as the tests do), then for each worker count (1, then
2): empties the database, adds the candidates' accounts, starts one hosted web process
(`barraiser serve` on a loopback port) and that many `barraiser worker --concurrency 1`
processes, warms the workers up (each builds two-sum's hidden tests once), saves and queues N
two-sum submissions from U simulated candidates as the hosted web process does (one in three
wrong; through `SubmissionService` directly, not the web API, whose per-user rate limit the
benchmark would have to lift), and waits for every verdict. While the backlog keeps the workers
busy, B of the candidates, each logged in through `POST /login`, fetch `/`, `/problems`, a
problem page and `/progress` in turn (a bounded count, a short pause between requests).

Prints per worker count: submissions/s (N over the time from the first save to the last
verdict), p50/p95 time to verdict (saved -> judged), lost or double-recorded submissions (always
checked), page p50/p95 with idle workers and while every worker had a submission to judge
(target p95 <= 300 ms with 2 workers; the pages fetched after the backlog drained, if any, are
shown apart: a request counts as saturated when at least that many submissions were judged after
it ended). Then the ratio of the 2-worker throughput to the 1-worker one (target >= 1.8). The
web process and the page clients share the cores with the workers, as they would on one machine;
`--page-requests 0` leaves them out. Figures on a busy machine are noisy; 300 submissions by
default (with 100 the 2-worker phase lasted 8 s, and five back-to-back runs gave ratios from
1.50 to 1.98: start-up and the last stragglers weighed too much). Even with 300 one run's
ratio moved between 1.74 and 2.04 over five runs (mostly the 1-worker rate), so the pair of
measurements is repeated, alternating 1 and 2 workers (`--rounds`, default 3), and the median
ratio is the figure. `--quick` (one round of 30 submissions, 40 page requests) is a smoke run
of well under 2 minutes. Run as root (the sandbox):

    PYTHONPATH=src .venv/bin/python benchmarks/hosted_load.py [--submissions 300] [--users 20]
        [--page-requests 200] [--browsers 8] [--think-ms 200] [--rounds 3] [--quick]
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlalchemy import func, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from barraiser.accounts import Accounts  # noqa: E402
from barraiser.config import Settings  # noqa: E402
from barraiser.content.problems import load_problem_folder  # noqa: E402
from barraiser.interview.review import PROBLEM_PREFIX  # noqa: E402
from barraiser.interview.submissions import SubmissionLimits, SubmissionService  # noqa: E402
from barraiser.judge.jobs import JobQueue  # noqa: E402
from barraiser.store import CodeSubmission, ReviewCard, Store, init_store  # noqa: E402
from barraiser.web.auth import SESSION_COOKIE  # noqa: E402

# tests/ is on the path only at run time (above): plain `mypy benchmarks/hosted_load.py` cannot
# see these two, `MYPYPATH=tests mypy ...` checks them.
from postgres_support import (  # type: ignore[import-not-found,unused-ignore]  # noqa: E402
    drop_everything,
    postgres_server,
)
from redis_support import redis_server  # type: ignore[import-not-found,unused-ignore]  # noqa: E402

TWO_SUM = ROOT / "content/problems/two-sum"
REFERENCE = (TWO_SUM / "solutions/reference.py").read_text()
WRONG = (TWO_SUM / "solutions/wrong_same_index.py").read_text()
SECRET_KEY = "hosted-load-benchmark-" + "0123456789abcdefghijklmnopqrstuv"  # throw-away install
PASSWORD = "load-password-1"
PAGES = ("/", "/problems", "/problems/two-sum", "/progress")
PAGE_TIME_LIMIT_S = 120.0  # the most one round of page requests may take


@dataclass
class Pages:
    """What the simulated candidates measured, per request: its duration (s), its end (epoch
    s), and why it failed ("" when it answered 200)."""

    seconds: list[float] = field(default_factory=list)
    ended: list[float] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, took: float, failure: str) -> None:
        with self.lock:
            self.seconds.append(took)
            self.ended.append(time.time())
            self.failed.append(failure)

    def split(self, keep: list[bool]) -> Pages:
        """The requests for which ``keep`` is true."""
        part = Pages()
        for took, end, failure, kept in zip(
            self.seconds, self.ended, self.failed, keep, strict=True
        ):
            if kept:
                part.seconds.append(took)
                part.ended.append(end)
                part.failed.append(failure)
        return part

    def summary(self) -> str:
        if not self.seconds:
            return "no page"
        ms = sorted(s * 1000 for s in self.seconds)
        text = (
            f"{len(ms)} pages p50 {statistics.median(ms):.0f} ms, p95 {_percentile(ms, 0.95):.0f}"
            f" ms, max {ms[-1]:.0f} ms"
        )
        failures = [f for f in self.failed if f]
        if failures:
            text += f"; {len(failures)} failed (first: {failures[0]})"
        return text


def _percentile(ordered: list[float], q: float) -> float:
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _environment(settings: Settings, folder: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "BARRAISER_CONFIG": str(folder / "no-config.toml"),
        "BARRAISER_DATA_DIR": str(folder / "data"),
        "BARRAISER_MODE": "hosted",
        "BARRAISER_SECRET_KEY": SECRET_KEY,
        "BARRAISER_DATABASE_URL": settings.resolved_database_url,
        "BARRAISER_BROKER_URL": settings.broker_url or "",
    }


def _spawn(args: list[str], env: dict[str, str], log_path: Path) -> subprocess.Popen[bytes]:
    """`barraiser ARGS` in its own process group, its output in ``log_path``."""
    with open(log_path, "wb") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "barraiser", *args],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def _wait_for_logs(procs: list[tuple[subprocess.Popen[bytes], Path, str]]) -> None:
    deadline = time.monotonic() + 120
    for proc, log, text in procs:
        while text not in log.read_text(errors="replace"):
            if time.monotonic() > deadline or proc.poll() is not None:
                raise SystemExit(f"{log.stem} did not start; see {log}")
            time.sleep(0.1)


def _stop(procs: list[subprocess.Popen[bytes]]) -> None:
    for proc in procs:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _wait(store: Store, ids: list[int], timeout_s: float) -> list[CodeSubmission]:
    """Every submission once all are judged. Polled with a count, not the rows: reading 100
    rows with their results ten times a second took CPU from the workers being measured."""
    deadline = time.monotonic() + timeout_s
    unjudged = (
        select(func.count())
        .select_from(CodeSubmission)
        .where(CodeSubmission.id.in_(ids), CodeSubmission.verdict.is_(None))
    )
    while time.monotonic() < deadline:
        with store.session() as session:
            if not session.scalar(unjudged):
                return list(
                    session.scalars(select(CodeSubmission).where(CodeSubmission.id.in_(ids)))
                )
        time.sleep(0.2)
    raise SystemExit(f"not every submission was judged in {timeout_s:.0f} s")


def _login(base_url: str, username: str) -> httpx.Client:
    client = httpx.Client(base_url=base_url, timeout=30)
    answer = client.post("/login", data={"username": username, "password": PASSWORD})
    if answer.status_code != 303 or not client.cookies.get(SESSION_COOKIE):
        raise SystemExit(f"{username} could not log in: {answer.status_code} {answer.text[:200]}")
    return client


def _browse(clients: list[httpx.Client], requests: int, think_s: float) -> Pages:
    """Each client fetches PAGES in turn, ``requests`` in all, pausing ``think_s`` after each."""
    pages = Pages()
    deadline = time.monotonic() + PAGE_TIME_LIMIT_S

    def candidate(n: int, client: httpx.Client) -> None:
        share = requests // len(clients) + (n < requests % len(clients))
        time.sleep(think_s * n / len(clients))  # staggered, not all at once
        for i in range(share):
            if time.monotonic() > deadline:
                return
            url = PAGES[(n + i) % len(PAGES)]
            began = time.perf_counter()
            try:
                answer = client.get(url)
                failure = "" if answer.status_code == 200 else f"{url} {answer.status_code}"
            except httpx.HTTPError as exc:
                failure = f"{url} {type(exc).__name__}"
            pages.add(time.perf_counter() - began, failure)
            time.sleep(think_s)

    threads = [threading.Thread(target=candidate, args=(n, c)) for n, c in enumerate(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return pages


@dataclass(frozen=True)
class Plan:
    """What one run does (the command line's options)."""

    submissions: int
    users: int
    page_requests: int
    browsers: int
    think_s: float


def run(workers: int, plan: Plan, db_url: str, broker_url: str) -> float:
    """One measurement; returns submissions per second."""
    drop_everything(db_url)
    folder = Path(tempfile.mkdtemp(prefix=f"barraiser-load-{workers}-"))
    settings = Settings(
        mode="hosted",
        secret_key=SECRET_KEY,
        database_url=db_url,
        data_dir=folder / "web",
        broker_url=broker_url,
    )
    store = init_store(settings)  # migrated here, once, as an install does before serving
    loaded = load_problem_folder(TWO_SUM, ROOT / "content", [])
    assert loaded is not None
    job_queue = JobQueue(settings)
    service = SubmissionService(
        store,
        {loaded.id: loaded},
        enqueue=job_queue.send,
        limits=SubmissionLimits(per_minute=plan.submissions + 2 * workers),
    )
    accounts = Accounts(store, SECRET_KEY)
    people = [
        accounts.add_user(f"load{i}", PASSWORD, name=f"Candidate {i}") for i in range(plan.users)
    ]
    user_ids = [p.id for p in people]
    env = _environment(settings, folder)
    procs: list[subprocess.Popen[bytes]] = []
    starting: list[tuple[subprocess.Popen[bytes], Path, str]] = []
    port = _free_port()
    if plan.page_requests:
        web = _spawn(["serve", "--port", str(port)], env, folder / "web.log")
        procs.append(web)
        starting.append((web, folder / "web.log", "Application startup complete."))
    for i in range(workers):
        worker = _spawn(["worker", "--concurrency", "1"], env, folder / f"worker{i}.log")
        procs.append(worker)
        starting.append((worker, folder / f"worker{i}.log", " ready."))
    clients: list[httpx.Client] = []
    idle = busy = Pages()
    try:
        _wait_for_logs(starting)
        if plan.page_requests:
            base_url = f"http://127.0.0.1:{port}"
            browsers = people[: max(1, min(plan.browsers, plan.users))]
            clients = [_login(base_url, p.username) for p in browsers]
            _browse(clients, len(clients) * len(PAGES), 0)  # the first of each page, not counted
        warm = [service.submit(user_ids[0], "two-sum", "python", REFERENCE, "submit")]
        warm += [service.submit(user_ids[0], "two-sum", "python", REFERENCE, "submit")
                 for _ in range(2 * workers - 1)]  # fmt: skip
        _wait(store, warm, 300)
        if plan.page_requests:
            idle = _browse(clients, max(len(clients), plan.page_requests // 4), plan.think_s)
        expected: dict[int, str] = {}
        began = time.time()
        for i in range(plan.submissions):
            wrong = i % 3 == 0
            sid = service.submit(
                user_ids[i % plan.users], "two-sum", "python", WRONG if wrong else REFERENCE,
                "submit",
            )  # fmt: skip
            expected[sid] = "WA" if wrong else "AC"
        if plan.page_requests:
            busy = _browse(clients, plan.page_requests, plan.think_s)
        rows = _wait(store, list(expected), 900)
    finally:
        for client in clients:
            client.close()
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
    rate = plan.submissions / span
    print(
        f"{workers} worker(s): {plan.submissions} submissions in {span:.1f} s = {rate:.2f}/s; "
        f"time to verdict p50 {statistics.median(latencies):.1f} s, "
        f"p95 {_percentile(latencies, 0.95):.1f} s; lost 0, wrong verdicts {wrong_verdicts}, "
        f"extra or missing recordings {doubled}",
        flush=True,
    )
    if plan.page_requests:
        # Every submission was saved before the pages began, so the ones without a verdict at a
        # moment are those judged after it; the workers were saturated while each had one.
        judged = [row.judged_at.timestamp() for row in rows if row.judged_at]
        saturated = [sum(t > end for t in judged) >= workers for end in busy.ended]
        print(f"  pages, workers idle: {idle.summary()}", flush=True)
        print(
            f"  pages, workers saturated: {busy.split(saturated).summary()} "
            "(target p95 <= 300 ms with 2 workers)",
            flush=True,
        )
        if not all(saturated):
            after = busy.split([not s for s in saturated])
            print(
                f"  pages after the backlog drained: {after.summary()} (more --submissions keeps "
                "the workers saturated throughout)",
                flush=True,
            )
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--submissions", type=int, help="default 300 (30 with --quick)")
    parser.add_argument("--users", type=int, help="default 20 (10 with --quick)")
    parser.add_argument(
        "--page-requests",
        type=int,
        help="page requests while the workers are busy, default 200 (40 with --quick); "
        "0: no web process",
    )
    parser.add_argument("--browsers", type=int, default=8, help="logged-in candidates fetching")
    parser.add_argument("--think-ms", type=int, default=200, help="pause after each page")
    parser.add_argument(
        "--rounds",
        type=int,
        help="rounds of (1 worker, 2 workers), each round's ratio printed and their median; "
        "default 3 (1 with --quick)",
    )
    parser.add_argument("--quick", action="store_true", help="a smoke run of under 2 minutes")
    args = parser.parse_args()

    def pick(given: int | None, full: int, quick: int) -> int:
        return given if given is not None else (quick if args.quick else full)

    plan = Plan(
        submissions=pick(args.submissions, 300, 30),
        users=pick(args.users, 20, 10),
        page_requests=pick(args.page_requests, 200, 40),
        browsers=args.browsers,
        think_s=args.think_ms / 1000,
    )
    rounds = max(1, pick(args.rounds, 3, 1))
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    ratios: list[float] = []
    with postgres_server() as db_url, redis_server() as broker:
        for n in range(1, rounds + 1):
            if rounds > 1:
                print(f"round {n} of {rounds}", flush=True)
            one = run(1, plan, db_url, broker.url)
            two = run(2, plan, db_url, broker.url)
            ratios.append(two / one)
            print(f"throughput ratio 2 workers / 1 worker: {two / one:.2f}", flush=True)
    if rounds > 1:
        shown = ", ".join(f"{r:.2f}" for r in ratios)
        print(f"ratios of the {rounds} rounds: {shown}")
    print(f"median ratio 2 workers / 1 worker: {statistics.median(ratios):.2f} (target >= 1.8)")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
