"""Time the interview engine's own work against a bare store write, in the same run.

Usage: python benchmarks/interview_engine.py [--runs N]

Grading and judging are left out (see grading_speed.py and judge_latency.py): this measures what
the engine adds around them on the embedded SQLite store: starting the 8-round amazon-mle loop
(question picking included), a heartbeat (the round page's 15-second beat), a session view, and
building the debrief of a finished 8-round loop from the stored rows. The baseline is one
committed store transaction that updates a row, the least any persisted step can cost.
Prints the median of each in milliseconds and its ratio to the baseline.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from barraiser.config import Settings
from barraiser.content.bank import get_bank
from barraiser.interview.engine import InterviewService
from barraiser.store import ensure_local_user, init_store
from barraiser.store.models import User


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 27, 9, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=5)
        return self.now


def median_ms(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="barraiser-bench-"))
    store = init_store(Settings(data_dir=folder))
    bank = get_bank()
    with store.session() as session:
        user = ensure_local_user(session).id
    service = InterviewService(store, bank, clock=Clock())

    def bare_write() -> None:
        with store.session() as session:
            row = session.get(User, user)
            assert row is not None
            row.name = f"bench {time.perf_counter()}"

    running = service.start_loop(user, "amazon-mle", seed=1)
    service.start_round(user, running)
    finished = service.start_loop(user, "amazon-mle", seed=2)
    for _ in bank.loop("amazon-mle").rounds():
        service.start_round(user, finished)
        service.finish_round(user, finished)

    def fresh_debrief() -> None:
        service.debrief(user, finished)

    baseline = median_ms(bare_write, args.runs)
    loop = bank.loop("amazon-mle")
    asked = sum(sum(s.count for s in r.questions) + r.lp_questions for r in loop.rounds())
    start_name = f"start amazon-mle ({len(loop.rounds())} rounds, {asked} questions)"
    cases: dict[str, Callable[[], object]] = {
        start_name: lambda: service.start_loop(user, "amazon-mle"),
        "heartbeat of a running round": lambda: service.heartbeat(user, running),
        "view of a running session": lambda: service.view(user, running),
        "debrief, stored (read back)": fresh_debrief,
    }
    print(f"baseline: one committed store write  {baseline:8.2f} ms")
    for name, work in cases.items():
        ms = median_ms(work, args.runs)
        print(f"{name:<44} {ms:8.2f} ms  {ms / baseline:6.1f}x")
    # The first build of a debrief computes every scorecard; later ones read the stored copy.
    rebuilt = []
    for seed in range(3, 3 + min(args.runs, 10)):
        sid = service.start_loop(user, "amazon-mle", seed=seed)
        for _ in bank.loop("amazon-mle").rounds():
            service.start_round(user, sid)
            service.finish_round(user, sid)
        start = time.perf_counter()
        service.debrief(user, sid)
        rebuilt.append(time.perf_counter() - start)
    ms = 1000 * statistics.median(rebuilt)
    print(f"{'debrief, first build (8 scorecards)':<44} {ms:8.2f} ms  {ms / baseline:6.1f}x")
    # The History page lists every session with its rounds counted.
    count = len(service.list_sessions(user))
    ms = median_ms(lambda: service.list_sessions(user), args.runs)
    name = f"history list ({count} sessions, 8 rounds each)"
    print(f"{name:<44} {ms:8.2f} ms  {ms / baseline:6.1f}x")


if __name__ == "__main__":
    main()
