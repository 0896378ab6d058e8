"""Hidden tests for gpu-job-dispatcher: one worker, more workers than jobs, equal draws, workers
finishing exactly at an arrival or together while jobs wait, long queues, finishing times past
2^31 and maximum sizes."""

from __future__ import annotations

import random

MAX_M = 200_000
MAX_N = 200_000
MAX_P = 10**6
MAX_T = 10**9
MAX_D = 10**9


def _args(power: list[int], arrivals: list[int], durations: list[int]) -> dict:
    assert len(arrivals) == len(durations) and arrivals == sorted(arrivals)
    return {"args": {"power": power, "arrivals": arrivals, "durations": durations}}


def _arrivals(rng: random.Random, n: int, max_gap: int, start: int = 0) -> list[int]:
    """Non-decreasing arrivals, often several in the same second."""
    out, t = [], start
    for _ in range(n):
        if rng.random() < 0.6:
            t = min(MAX_T, t + rng.randint(0, max_gap))
        out.append(t)
    return out


def _random(rng: random.Random, m: int, n: int, max_p: int, max_gap: int, max_d: int) -> dict:
    return _args(
        [rng.randint(1, max_p) for _ in range(m)],
        _arrivals(rng, n, max_gap),
        [rng.randint(1, max_d) for _ in range(n)],
    )


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _args([7], [0], [1]),
        _args([MAX_P], [MAX_T], [MAX_D]),
        # One worker: every job waits for the one before it.
        _args([3], [0, 0, 1, 10, 10], [5, 2, 1, 1, 4]),
        # More workers than jobs, and the lowest draw is not the lowest index.
        _args([9, 4, 4, 1, 8], [0, 0, 0], [1, 1, 1]),
        # A worker finishing exactly at an arrival beats an idle worker that draws more.
        _args([5, 1], [0, 3], [3, 1]),
        _args([2, 3, 1], [0, 0, 0, 4, 4], [4, 9, 4, 1, 1]),
        # Workers finishing together while jobs wait: the lowest draw wins, not the lowest index.
        _args([4, 3, 2, 1], [0, 0, 0, 0, 0, 0, 0, 0], [6, 6, 6, 6, 1, 1, 1, 1]),
        # A job that arrives while an earlier one waits starts after it.
        _args([1, 1], [0, 0, 0, 5, 6], [10, 10, 1, 1, 1]),
        # A long gap: every worker is free again.
        _args([3, 2, 1], [0, 0, 0, MAX_T, MAX_T], [5, 5, 5, 1, 1]),
    ]
    for _ in range(6):
        m = rng.randint(1, 5)
        tests.append(_random(rng, m, rng.randint(1, 12), 4, 3, 6))
    for _ in range(3):
        tests.append(_random(rng, rng.randint(2, 30), rng.randint(50, 300), 10, 5, 40))
    tests.append(_random(rng, 100, 5000, 1000, 3, 500))
    # Finishing times past 2^31: three workers and a long queue of long jobs.
    tests.append(_random(rng, 3, 3000, 5, 1, MAX_D))
    # Maximum sizes.
    # Every job arrives at second 0 and there are as many jobs as workers: scanning all the
    # workers costs m for each of the n jobs.
    tests.append(
        _args(
            [rng.randint(1, MAX_P) for _ in range(MAX_M)],
            [0] * MAX_N,
            [rng.randint(1, MAX_D) for _ in range(MAX_N)],
        )
    )
    tests.append(_random(rng, MAX_M, MAX_N, MAX_P, 5000, MAX_D // 1000))
    tests.append(_random(rng, MAX_M, MAX_N, 3, 2, 100))
    tests.append(_random(rng, 1000, MAX_N, MAX_P, 10, 20_000))
    tests.append(_random(rng, 1, MAX_N, MAX_P, 100, MAX_D))
    tests.append(_random(rng, 7, MAX_N, 2, 1, MAX_D))
    # Equal draws everywhere (ties on the index), and short jobs that free workers at once.
    tests.append(
        _args([1] * MAX_M, _arrivals(rng, MAX_N, 3), [rng.randint(1, 6) for _ in range(MAX_N)])
    )
    tests.append(
        _args(
            [MAX_P - i for i in range(MAX_M)],
            [i // 2 for i in range(MAX_N)],
            [1] * MAX_N,
        )
    )
    return tests
