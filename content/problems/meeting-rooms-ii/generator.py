"""Hidden tests for meeting-rooms-ii: edge cases, random and maximum-size cases."""

from __future__ import annotations

import random

LIMIT = 10**9
MAX_N = 200_000


def _text(meetings: list[tuple[int, int]]) -> dict:
    lines = [str(len(meetings))] + [f"{s} {e}" for s, e in meetings]
    return {"input": "\n".join(lines) + "\n"}


def _random(rng: random.Random, n: int, horizon: int, longest: int) -> dict:
    meetings = []
    rand = rng.random
    for _ in range(n):
        start = int(rand() * horizon)
        end = min(horizon, start + 1 + int(rand() * longest))
        meetings.append((start, end))
    return _text(meetings)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _text([(0, 1)]),
        _text([(0, LIMIT)]),
        _text([(0, LIMIT), (0, LIMIT)]),
        _text([(5, 10), (10, 15)]),
        _text([(10, 15), (5, 10)]),
        _text([(5, 10), (9, 15)]),
        _text([(1, 2), (1, 2), (2, 3), (2, 3), (3, 4)]),
        _text([(0, 10), (1, 9), (2, 8), (3, 7), (4, 6)]),
        _text([(7, 8), (1, 3), (3, 5), (2, 7), (5, 9), (4, 6)]),
    ]
    tests += [_random(rng, rng.randint(2, 10), 20, 6) for _ in range(6)]
    tests += [_random(rng, rng.randint(500, 5000), 10_000, 300) for _ in range(3)]
    # Maximum size: quadratic overlap counting is far too slow.
    tests.append(_random(rng, MAX_N, LIMIT, LIMIT // 1000))
    tests.append(_random(rng, MAX_N, 1000, 10))
    # Back-to-back chains: closed-interval thinking doubles the count.
    chain = [(i, i + 1) for i in range(MAX_N // 2)] * 2
    rng.shuffle(chain)
    tests.append(_text(chain))
    tests.append(_text([(i, LIMIT - i) for i in range(MAX_N)]))
    return tests
