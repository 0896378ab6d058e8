"""Hidden tests for bootstrap-confidence-interval: one value, one resample, two resamples,
constant values, quantile positions that fall exactly on a mean and between two, confidence
levels from 0.5 to 0.999, values at +-10^6, skewed values, and maximum sizes (n · B = 200000)."""

from __future__ import annotations

import random

LIMIT = 10**6


def _case(values: list[float], resamples: list[list[int]], confidence: float) -> dict:
    return {"args": {"values": values, "resamples": resamples, "confidence": confidence}}


def _draws(rng: random.Random, n: int, b: int) -> list[list[int]]:
    return [[rng.randrange(n) for _ in range(n)] for _ in range(b)]


def _skewed(rng: random.Random, n: int, b: int, confidence: float, scale: float) -> dict:
    """Mostly small values and a few large ones, like per-example losses."""
    values = [
        round(min(LIMIT, rng.expovariate(1.0) * scale * (50 if rng.random() < 0.05 else 1)), 3)
        for _ in range(n)
    ]
    return _case(values, _draws(rng, n, b), confidence)


def _uniform(rng: random.Random, n: int, b: int, confidence: float, span: float) -> dict:
    values = [round(rng.uniform(-span, span), 4) for _ in range(n)]
    return _case(values, _draws(rng, n, b), confidence)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _case([3.0], [[0]], 0.95),
        _case([1.0, 2.0, 4.0], [[0, 1, 2]], 0.9),
        _case([0.0, 1.0], [[0, 0], [1, 1]], 0.5),
        _case([0.0, 1.0], [[1, 1], [0, 0]], 0.999),
        _case([5.0] * 6, _draws(rng, 6, 50), 0.95),
        # Accuracy of a classifier on 10 examples: 0/1 values.
        _case([1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 1.0], _draws(rng, 10, 41), 0.95),
        # Positions exactly on a mean: (B - 1) * alpha / 2 is a whole number.
        _uniform(rng, 20, 201, 0.9, 10.0),
        _uniform(rng, 20, 21, 0.5, 10.0),
        # At the limits of the values.
        _case([float(LIMIT), -float(LIMIT)] * 3, _draws(rng, 6, 100), 0.8),
        _case([float(LIMIT), float(LIMIT) - 0.5, float(LIMIT) - 1.0], _draws(rng, 3, 30), 0.95),
    ]
    tests.append(_skewed(rng, 30, 100, 0.95, 2.0))
    tests.append(_skewed(rng, 200, 500, 0.99, 1000.0))
    tests.append(_uniform(rng, 7, 1000, 0.999, LIMIT))
    # Maximum sizes.
    tests.append(_skewed(rng, 100, 2000, 0.95, 1.0))
    tests.append(_uniform(rng, 1000, 200, 0.9, LIMIT))
    tests.append(_skewed(rng, 400, 500, 0.68, 50000.0))
    tests.append(_uniform(rng, 200, 1000, 0.975, 1.0))
    return tests
