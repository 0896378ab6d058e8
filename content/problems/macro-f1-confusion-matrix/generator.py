"""Hidden tests for macro-f1-confusion-matrix: one example, perfect and all-wrong predictions,
classes only predicted, classes absent from both lists, one dominant class, a classifier that
predicts a single class, and maximum sizes (n = 100000 with 2 and with 1000 classes)."""

from __future__ import annotations

import random


def _case(y_true: list[int], y_pred: list[int], num_classes: int) -> dict:
    return {"args": {"y_true": y_true, "y_pred": y_pred, "num_classes": num_classes}}


def _noisy(
    rng: random.Random, n: int, classes: int, used: int, accuracy: float, skew: float = 1.0
) -> dict:
    """True classes drawn from ``used`` of the classes (with frequencies skewed by ``skew``);
    a prediction is right with probability ``accuracy``, otherwise any class."""
    labels = rng.sample(range(classes), used)
    weights = [1.0 / (r + 1) ** skew for r in range(used)]
    y_true = rng.choices(labels, weights, k=n)
    y_pred = [t if rng.random() < accuracy else rng.randrange(classes) for t in y_true]
    return _case(y_true, y_pred, classes)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _case([0], [0], 2),
        _case([1], [0], 2),
        _case([0, 1, 2, 2], [0, 1, 2, 2], 1000),
        _case([0, 1, 0, 1], [1, 0, 1, 0], 2),
        # Only class 7 is ever true, and the classifier always says 7: macro-F1 1.
        _case([7] * 10, [7] * 10, 8),
        # Predicts a single class for everything.
        _case([0, 1, 2, 0, 1, 2, 0], [0] * 7, 3),
        # Classes 3 and 4 are only predicted; classes 1 and 5 occur nowhere.
        _case([0, 0, 2, 2, 2, 0], [0, 3, 2, 2, 4, 0], 6),
    ]
    tests.append(_noisy(rng, 50, 3, 3, 0.7))
    tests.append(_noisy(rng, 500, 10, 6, 0.5, 2.0))
    tests.append(_noisy(rng, 2000, 100, 30, 0.8, 1.0))
    tests.append(_noisy(rng, 1000, 2, 2, 0.9, 4.0))
    tests.append(_noisy(rng, 20000, 1000, 1000, 0.5))
    # Maximum sizes.
    tests.append(_noisy(rng, 100000, 1000, 1000, 0.6))
    tests.append(_noisy(rng, 100000, 1000, 900, 0.3, 1.5))
    tests.append(_noisy(rng, 100000, 2, 2, 0.95, 3.0))
    tests.append(_noisy(rng, 100000, 1000, 5, 0.999))
    tests.append(_noisy(rng, 100000, 50, 50, 0.0))
    return tests
