"""Hidden tests for binary-log-loss-clipped: one example, hard 0/1 predictions right and wrong,
one label only, probabilities inside and outside [eps, 1 - eps], eps at 2^-52, 10^-7 and 0.1,
and maximum sizes (n = 200000)."""

from __future__ import annotations

import random

MACHINE_EPS = 2.0**-52


def _case(y_true: list[int], probs: list[float], eps: float) -> dict:
    return {"args": {"y_true": y_true, "probs": probs, "eps": eps}}


def _model(rng: random.Random, n: int, eps: float, hard: float, positives: float) -> dict:
    """A fairly good model: probabilities lean towards the label; a share ``hard`` of them is
    rounded to exactly 0 or 1 (sometimes the wrong way)."""
    y = [1 if rng.random() < positives else 0 for _ in range(n)]
    probs = []
    for label in y:
        q = min(1.0, max(0.0, rng.betavariate(4, 2) if label else rng.betavariate(2, 4)))
        if rng.random() < hard:
            q = float(q >= 0.5)
        probs.append(q)
    return _case(y, probs, eps)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _case([1], [0.5], MACHINE_EPS),
        _case([0], [0.0], MACHINE_EPS),
        _case([1], [1.0], MACHINE_EPS),
        _case([1], [0.0], MACHINE_EPS),
        _case([0], [1.0], 1e-7),
        _case([0, 1, 0, 1], [0.0, 1.0, 1.0, 0.0], 1e-7),
        # eps = 0.1 clips much of the range.
        _case([1, 0, 1, 0], [0.95, 0.05, 0.02, 0.5], 0.1),
        # Probabilities just inside and just outside the clipping range.
        _case([1, 1, 0, 0], [1e-7, 1e-8, 1 - 1e-6, 0.9999999999], 1e-7),
        _case([0] * 5, [1e-300, 5e-324, 0.25, 0.0, 2e-16], MACHINE_EPS),
    ]
    tests.append(_model(rng, 100, 1e-7, 0.0, 0.5))
    tests.append(_model(rng, 1000, MACHINE_EPS, 0.1, 0.1))
    tests.append(_model(rng, 5000, 0.01, 0.3, 0.9))
    # Maximum sizes.
    tests.append(_model(rng, 200000, MACHINE_EPS, 0.05, 0.3))
    tests.append(_model(rng, 200000, 1e-7, 1.0, 0.5))
    tests.append(_model(rng, 200000, 1e-5, 0.0, 0.02))
    tests.append(_model(rng, 200000, 0.1, 0.5, 1.0))
    return tests
