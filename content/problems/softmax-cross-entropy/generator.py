"""Hidden tests for softmax-cross-entropy: tiny and wide rows, logits at +-1000, a true class far
below the best one, equal logits and maximum-size batches."""

from __future__ import annotations

import random

LIMIT = 1000.0


def _case(logits: list[list[float]], labels: list[int]) -> dict:
    return {"args": {"logits": logits, "labels": labels}}


def _batch(rng: random.Random, n: int, c: int, spread: float, digits: int | None = None) -> dict:
    """Logits uniform in [-spread, spread]; the true class is often, not always, the best one."""
    logits = []
    labels = []
    for _ in range(n):
        row = [rng.uniform(-spread, spread) for _ in range(c)]
        if digits is not None:
            row = [round(v, digits) for v in row]
        best = max(range(c), key=row.__getitem__)
        labels.append(best if rng.random() < 0.6 else rng.randrange(c))
        logits.append(row)
    return _case(logits, labels)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _case([[0.0, 0.0]], [0]),
        _case([[5.0, -5.0]], [0]),
        _case([[5.0, -5.0]], [1]),
        # At the limits: overflow, underflow, and a true class 2000 below the best one.
        _case([[LIMIT, LIMIT]], [1]),
        _case([[-LIMIT, -LIMIT, -LIMIT]], [2]),
        _case([[LIMIT, -LIMIT]], [1]),
        _case([[LIMIT, -LIMIT]], [0]),
        _case([[710.0, 709.0, 0.0], [-746.0, -745.0, -800.0]], [1, 0]),
        # Equal logits: ln(c) whatever their value.
        _case([[3.5] * 100, [-999.5] * 100], [0, 99]),
        _case([[0.0, 1e-9, -1e-9]], [1]),
    ]
    tests.append(_batch(rng, 5, 3, 4.0, 1))
    tests.append(_batch(rng, 20, 10, 30.0))
    tests.append(_batch(rng, 50, 7, LIMIT, 0))
    tests.append(_batch(rng, 200, 100, 200.0))
    # Maximum size: n * c = 200,000 in both shapes, moderate and extreme logits.
    tests.append(_batch(rng, 2000, 100, 10.0))
    tests.append(_batch(rng, 2000, 100, LIMIT))
    tests.append(_batch(rng, 100_000 // 50, 100, 750.0))
    tests.append(_batch(rng, 2000, 2, LIMIT))
    return tests
