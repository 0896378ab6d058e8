"""Hidden tests for ridge-normal-equations: one row, a constant column, an exact fit without a
penalty, duplicated columns, a huge penalty, features of size 10^4 that vary by little, targets
far from 0 (where a shrunk intercept shows), and maximum sizes (n = 2000, d = 20)."""

from __future__ import annotations

import random


def _case(x: list[list[float]], y: list[float], lam: float) -> dict:
    return {"args": {"x": x, "y": y, "lam": lam}}


def _linear(
    rng: random.Random,
    n: int,
    d: int,
    lam: float,
    centre: float = 0.0,
    spread: float = 100.0,
    noise: float = 1.0,
    offset: float = 0.0,
) -> dict:
    """Independent uniform features around ``centre``; y = offset + x . w + noise."""
    w = [round(rng.uniform(-5, 5), 2) for _ in range(d)]
    x = [[round(centre + rng.uniform(-spread, spread), 2) for _ in range(d)] for _ in range(n)]
    y = [
        round(offset + sum(a * b for a, b in zip(row, w, strict=True)) + rng.gauss(0, noise), 3)
        for row in x
    ]
    y = [max(-1e5, min(1e5, v)) for v in y]
    return _case(x, y, lam)


def _duplicated(rng: random.Random, n: int, d: int, copies: int, lam: float) -> dict:
    """Each of the first ``copies`` columns is repeated at the end: singular without lam."""
    base = _linear(rng, n, d, lam)["args"]
    x = [row + row[:copies] for row in base["x"]]
    return _case(x, base["y"], lam)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _case([[4.0, -2.0]], [7.0], 1.0),
        _case([[1.0], [2.0]], [10.0, 10.0], 0.0),
        _case([[0.0], [1.0], [2.0], [3.0]], [-1.0, 2.0, 5.0, 8.0], 0.0),
        # A constant column gets weight 0; the intercept absorbs it.
        _case([[5.0, 1.0], [5.0, 2.0], [5.0, 4.0], [5.0, 7.0]], [2.0, 3.0, 5.0, 9.0], 0.5),
        # A huge penalty: the weights nearly vanish, the intercept is the mean of y.
        _case([[1.0], [2.0], [3.0]], [100000.0, 99990.0, 99970.0], 1000.0),
        _linear(rng, 10, 1, 3.0, offset=90000.0),
    ]
    tests.append(_duplicated(rng, 30, 3, 1, 1.0))
    tests.append(_duplicated(rng, 200, 5, 5, 0.25))
    # Features near 10^4 that vary by about 1: the uncentred system is nearly singular.
    tests.append(_linear(rng, 100, 3, 0.0, centre=9995.0, spread=1.0, noise=0.01))
    tests.append(_linear(rng, 500, 4, 2.0, centre=-9990.0, spread=5.0, offset=50000.0))
    tests.append(_linear(rng, 50, 10, 0.0))
    tests.append(_linear(rng, 40, 20, 10.0, noise=50.0))
    tests.append(_linear(rng, 25, 20, 1000.0, offset=-70000.0))
    # Maximum sizes.
    tests.append(_linear(rng, 2000, 20, 0.0, noise=10.0))
    tests.append(_linear(rng, 2000, 20, 37.5, centre=5000.0, spread=5000.0, offset=1000.0))
    tests.append(_duplicated(rng, 2000, 15, 5, 3.0))
    tests.append(_linear(rng, 2000, 1, 0.0, spread=10000.0, noise=100.0))
    return tests
