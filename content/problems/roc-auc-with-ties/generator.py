"""Hidden tests for roc-auc-with-ties: perfect and inverted rankings, heavy ties, one item of a
class, negative scores and maximum-size cases."""

from __future__ import annotations

import random

MAX_N = 100_000


def _case(labels: list[int], scores: list[float]) -> dict:
    return {"args": {"labels": labels, "scores": scores}}


def _model(rng: random.Random, n: int, prevalence: float, digits: int | None) -> dict:
    """Both classes present; positives score higher on average, with overlap."""
    labels = [1 if rng.random() < prevalence else 0 for _ in range(n)]
    labels[0], labels[-1] = 1, 0
    rng.shuffle(labels)
    scores = []
    for label in labels:
        value = rng.gauss(1.0 if label else 0.0, 1.2)
        scores.append(round(value, digits) if digits is not None else value)
    return _case(labels, scores)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _case([1, 0], [0.7, 0.2]),
        _case([1, 0], [0.2, 0.7]),
        _case([0, 1], [0.5, 0.5]),
        # Every score equal: every pair is a tie, AUC 0.5 whatever the order.
        _case([1, 0, 1, 1, 0, 0, 1], [2.0] * 7),
        # Positives first in the input, then the tie: order-dependent counting gets it wrong.
        _case([1, 1, 0, 0], [0.3, 0.6, 0.3, 0.1]),
        _case([0, 0, 1, 1], [0.3, 0.1, 0.3, 0.6]),
        # One positive among many negatives, and the reverse.
        _case([0, 0, 0, 1, 0, 0], [-5.0, 3.0, -1.0, 0.0, 0.0, 7.5]),
        _case([1, 1, 0, 1, 1], [1e6, -1e6, 0.0, 0.0, -3.25]),
        # Perfect and inverted rankings with negative scores.
        _case([0, 0, 0, 1, 1], [-9.0, -8.0, -7.0, -2.0, -1.0]),
        _case([1, 1, 1, 0, 0], [-9.0, -8.0, -7.0, -2.0, -1.0]),
    ]
    for digits in (0, 1, None):
        tests.append(_model(rng, rng.randint(5, 40), 0.4, digits))
    tests.append(_model(rng, 3000, 0.1, 1))
    # Maximum size: distinct scores, a few hundred distinct values, balanced classes (all pairs
    # is 2.5 billion comparisons), rare positives, and two score levels only.
    tests.append(_model(rng, MAX_N, 0.5, None))
    tests.append(_model(rng, MAX_N, 0.5, 2))
    tests.append(_model(rng, MAX_N, 0.02, None))
    labels = [rng.randint(0, 1) for _ in range(MAX_N)]
    labels[0], labels[1] = 0, 1
    tests.append(_case(labels, [float(rng.randint(0, 1)) for _ in range(MAX_N)]))
    return tests
