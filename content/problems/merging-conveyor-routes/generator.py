"""Hidden tests for merging-conveyor-routes: no merge, same start, one route inside the other,
merges near the start or the exit, and junk stations that point anywhere."""

from __future__ import annotations

import itertools
import random
from typing import Any

MAX_N = 100_000


def _routes(rng: random.Random, n: int, only_a: int, only_b: int, shared: int) -> dict[str, Any]:
    """Route A: only_a own stations, then the shared ones; route B likewise; both then exit."""
    stations = rng.sample(range(n), only_a + only_b + shared)
    own_a = stations[:only_a]
    own_b = stations[only_a : only_a + only_b]
    common = stations[only_a + only_b :]
    # Stations on neither route point anywhere, loops included: they are never reached.
    nxt = [rng.randint(-1, n - 1) for _ in range(n)]
    for path in (own_a + common, own_b + common):
        for x, y in itertools.pairwise(path):
            nxt[x] = y
        if path:
            nxt[path[-1]] = -1
    start_a = (own_a + common)[0]
    start_b = (own_b + common)[0]
    return {"args": {"next_station": nxt, "start_a": start_a, "start_b": start_b}}


def generate(rng: random.Random) -> list[dict[str, Any]]:
    tests = [
        {"args": {"next_station": [-1], "start_a": 0, "start_b": 0}},
        {"args": {"next_station": [-1, -1], "start_a": 0, "start_b": 1}},
        {"args": {"next_station": [1, -1], "start_a": 0, "start_b": 1}},
        {"args": {"next_station": [1, -1], "start_a": 1, "start_b": 0}},
        {"args": {"next_station": [2, 2, -1], "start_a": 0, "start_b": 1}},
        {"args": {"next_station": [1, 3, 3, 4, -1], "start_a": 0, "start_b": 2}},
        {"args": {"next_station": [1, 2, -1, 4, -1], "start_a": 0, "start_b": 3}},
    ]
    for _ in range(4):
        n = rng.randint(3, 12)
        shared = rng.randint(0, n - 2)
        only_a = rng.randint(1 if shared == 0 else 0, n - shared - 1)
        only_b = rng.randint(1 if shared == 0 else 0, n - shared - only_a)
        tests.append(_routes(rng, n, only_a, only_b, shared))
    half = MAX_N // 2
    # Maximum size: merging only at the last station, never merging, very uneven lengths, one
    # route a suffix of the other, and a long shared part.
    tests.append(_routes(rng, MAX_N, half - 1, half - 1, 1))
    tests.append(_routes(rng, MAX_N, half, half, 0))
    tests.append(_routes(rng, MAX_N, MAX_N - 11, 10, 1))
    tests.append(_routes(rng, MAX_N, half, 0, half))
    tests.append(_routes(rng, MAX_N, 3, 7, MAX_N - 10))
    tests.append(_routes(rng, MAX_N, 30_000, 20_000, 1_000))
    return tests
