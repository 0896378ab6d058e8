"""Hidden tests for ndcg-at-k: k = 1, k = n, k > n, ties in the scores, no relevant item, a
perfect and a reversed ranking, and maximum-size cases."""

from __future__ import annotations

import random

MAX_N = 100_000


def _case(relevance: list[int], scores: list[float], k: int) -> dict:
    return {"args": {"relevance": relevance, "scores": scores, "k": k}}


def _search(rng: random.Random, n: int, k: int, digits: int | None = None) -> dict:
    """Mostly irrelevant items; the scores follow the grades loosely."""
    relevance = [rng.choice((0, 0, 0, 0, 1, 1, 2, 3, 4, 5)) for _ in range(n)]
    scores = []
    for grade in relevance:
        value = rng.gauss(grade, 1.5)
        scores.append(round(value, digits) if digits is not None else value)
    return _case(relevance, scores, k)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _case([5], [0.3], 1),
        _case([0], [0.3], 4),
        _case([1, 3], [0.2, 0.9], 1),
        _case([3, 1], [0.2, 0.9], 1),
        # Equal scores keep the input order: the irrelevant item comes first.
        _case([0, 3], [0.5, 0.5], 1),
        _case([0, 3, 2, 2], [1.0, 1.0, 1.0, 1.0], 2),
        # A perfect ranking and the reverse one, with k past the end.
        _case([5, 4, 3, 2, 1, 0], [6.0, 5.0, 4.0, 3.0, 2.0, 1.0], 10),
        _case([0, 1, 2, 3, 4, 5], [6.0, 5.0, 4.0, 3.0, 2.0, 1.0], 10),
        # More relevant items than k: the ideal must be cut at k too.
        _case([1, 1, 1, 1, 1, 1], [-1.0, -2.0, -3.0, -4.0, -5.0, -6.0], 3),
        _case([0, 0, 0, 0, 0, 0, 0], [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0], 3),
        _case([2, 0, 5, 0, 0, 1, 0, 3], [-1e6, 1e6, 0.0, 0.0, 2.5, -2.5, 7.0, 7.0], 4),
    ]
    for n, k, digits in ((8, 3, 0), (25, 10, 1), (40, 40, None), (300, 1000, 1)):
        tests.append(_search(rng, n, k, digits))
    tests.append(_search(rng, 5000, 10, None))
    # Maximum size: a short top k, k = n, k past n with heavy ties, all scores equal.
    tests.append(_search(rng, MAX_N, 10, None))
    tests.append(_search(rng, MAX_N, MAX_N, 2))
    tests.append(_search(rng, MAX_N, 2 * MAX_N, 0))
    tests.append(_case([rng.randint(0, 5) for _ in range(MAX_N)], [0.0] * MAX_N, 1000))
    return tests
