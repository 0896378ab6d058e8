"""Hidden tests for conveyor-loop-entry: exits, self-loops, long tails and loops, junk stations."""

from __future__ import annotations

import itertools
import random
from typing import Any

MAX_N = 100_000


def _route(
    rng: random.Random, n: int, tail: int, loop: int, junk_loops: bool = False
) -> dict[str, Any]:
    """A route of `tail` stations then a loop of `loop` stations (loop 0: the route exits).

    The other stations point anywhere, and may form loops of their own that the tote never sees.
    """
    order = rng.sample(range(n), tail + max(loop, 0))
    nxt = [rng.randint(-1, n - 1) for _ in range(n)]
    if junk_loops:
        others = sorted(set(range(n)) - set(order))
        rng.shuffle(others)
        for a, b in zip(others, others[1:] + others[:1], strict=True):
            nxt[a] = b
    for a, b in itertools.pairwise(order):
        nxt[a] = b
    nxt[order[-1]] = order[tail] if loop > 0 else -1
    return {"args": {"next_station": nxt, "start": order[0]}}


def generate(rng: random.Random) -> list[dict[str, Any]]:
    tests = [
        {"args": {"next_station": [-1], "start": 0}},
        {"args": {"next_station": [0], "start": 0}},
        {"args": {"next_station": [1, 0], "start": 1}},
        {"args": {"next_station": [1, 1], "start": 0}},
        {"args": {"next_station": [1, 2, -1, 3], "start": 0}},
        {"args": {"next_station": [1, 2, 3, 1], "start": 0}},
        {"args": {"next_station": [2, 0, 3, 4, 2], "start": 1}},
    ]
    for _ in range(4):
        n = rng.randint(2, 12)
        tail = rng.randint(1, n - 1)
        tests.append(_route(rng, n, tail, rng.randint(0, n - tail)))
    # Maximum size: a long tail into a short loop, a short tail into a long loop, one loop through
    # every station, a route that exits after every station, and junk loops the tote never meets.
    tests.append(_route(rng, MAX_N, MAX_N - 3, 3))
    tests.append(_route(rng, MAX_N, 2, MAX_N - 2))
    tests.append(_route(rng, MAX_N, 1, MAX_N - 1))
    tests.append({"args": {"next_station": [*range(1, MAX_N), 0], "start": 0}})
    tests.append(_route(rng, MAX_N, MAX_N, 0))
    tests.append(_route(rng, MAX_N, MAX_N // 2, MAX_N // 4, junk_loops=True))
    tests.append(_route(rng, MAX_N, 40_000, 0, junk_loops=True))
    return tests
