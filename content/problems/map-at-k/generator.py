"""Hidden tests for map-at-k: k = 1, k beyond the lists, more relevant items than k, users with
nothing relevant (left out) or nothing recommended, no user with anything relevant, and
maximum-size cases."""

from __future__ import annotations

import random

CATALOGUE = 10**9


def _case(recommended: list[list[int]], relevant: list[list[int]], k: int) -> dict:
    return {"args": {"recommended": recommended, "relevant": relevant, "k": k}}


def _users(rng: random.Random, users: int, longest: int, k: int, catalogue: int) -> dict:
    """Each user has a few relevant items; the recommender finds some of them, ranked anywhere."""
    recommended = []
    relevant = []
    for _ in range(users):
        wanted = rng.sample(range(catalogue), rng.randint(0, min(20, catalogue)))
        length = rng.randint(0, longest)
        pool = set(rng.sample(range(catalogue), min(catalogue, length)))
        pool.update(w for w in wanted if rng.random() < 0.5)
        ranked = list(pool)[:length]
        rng.shuffle(ranked)
        recommended.append(ranked)
        relevant.append(wanted)
    return _case(recommended, relevant, k)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _case([[1]], [[1]], 1),
        _case([[2]], [[1]], 1),
        _case([[4, 1]], [[1]], 1),
        _case([[1, 2, 3]], [[1, 2, 3, 4, 5]], 2),
        _case([[9, 1]], [[1, 2]], 10),
        _case([[]], [[3]], 5),
        # Users with nothing relevant are left out; if nobody has anything relevant, 0.0.
        _case([[4, 8], [1]], [[], [1]], 2),
        _case([[1, 2], [3]], [[], []], 2),
        _case([[5, 3, 9, 1], [7, 2], [6]], [[3, 1, 4], [2], [6]], 3),
        _case([[10**9 - 1, 0, 77]], [[0, 77, 10**9 - 1]], 3),
    ]
    tests.append(_users(rng, 5, 6, 3, 20))
    tests.append(_users(rng, 50, 20, 10, 100))
    tests.append(_users(rng, 300, 50, 25, 1000))
    # Maximum size: 2,000 users with up to 100 recommendations each.
    tests.append(_users(rng, 2000, 100, 10, CATALOGUE))
    tests.append(_users(rng, 2000, 100, 100, 300))
    tests.append(_users(rng, 2000, 100, 1, 50))
    return tests
