"""Hidden tests for stratified-k-fold: k = n, single-example classes, one class only, a rare
class, classes sorted in blocks, large class ids, and maximum-size cases."""

from __future__ import annotations

import random

MAX_N = 100_000


def _case(labels: list[int], k: int) -> dict:
    return {"args": {"labels": labels, "k": k}}


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _case([0, 0], 2),
        _case([3, 1], 2),
        _case([4, 4, 4], 3),
        # One example per class: restarting the deal per class puts them all in fold 0.
        _case([10, 20, 30, 40, 50], 5),
        _case([10, 20, 30, 40, 50, 60, 70], 3),
        # Classes in blocks, each not a multiple of k: plain k-fold puts a block in one fold.
        _case([0] * 7 + [1] * 5 + [2] * 4, 4),
        _case([1] * 10 + [0] * 10, 5),
        # A rare class among many, with large class ids.
        _case([10**9] * 23 + [123_456_789] * 2 + [10**9] * 20, 6),
        _case([0, 1] * 9 + [2], 4),
    ]
    for n, k, classes in ((30, 3, 3), (50, 7, 5), (200, 10, 2), (1000, 5, 40)):
        tests.append(_case([rng.randrange(classes) for _ in range(n)], k))
    # Maximum size: a 2% positive class, labels sorted in blocks, many classes, k = n.
    tests.append(_case([1 if rng.random() < 0.02 else 0 for _ in range(MAX_N)], 10))
    tests.append(_case(sorted(rng.randrange(1000) for _ in range(MAX_N)), 7))
    tests.append(_case([rng.randrange(10**9) for _ in range(MAX_N)], 13))
    tests.append(_case([rng.randrange(3) for _ in range(MAX_N)], MAX_N))
    return tests
