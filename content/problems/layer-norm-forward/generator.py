"""Hidden tests for layer-norm-forward: one feature (every row constant), one row, constant
rows, rows near +-10^6 that vary by little, eps from 10^-5 to 0.1, rows of 2 to 4 features (where
d and d - 1 differ most), and maximum sizes (n · d = 100000 in four shapes)."""

from __future__ import annotations

import random

LIMIT = 10**6


def _case(x: list[list[float]], gamma: list[float], beta: list[float], eps: float) -> dict:
    return {"args": {"x": x, "gamma": gamma, "beta": beta, "eps": eps}}


def _params(rng: random.Random, d: int) -> tuple[list[float], list[float]]:
    return (
        [round(rng.uniform(-10, 10), 3) for _ in range(d)],
        [round(rng.uniform(-10, 10), 3) for _ in range(d)],
    )


def _rows(
    rng: random.Random, n: int, d: int, eps: float, offset: float, spread: float, digits: int = 4
) -> dict:
    """Rows around a per-row centre within ``offset`` of 0, each with a spread >= 0.1."""
    x = []
    for _ in range(n):
        centre = rng.uniform(-offset, offset)
        while True:
            row = [round(centre + rng.gauss(0, spread), digits) for _ in range(d)]
            row = [max(-LIMIT, min(LIMIT, v)) for v in row]
            mean = sum(row) / d
            if d == 1 or sum((v - mean) ** 2 for v in row) / d >= 0.01:
                break
        x.append(row)
    gamma, beta = _params(rng, d)
    return _case(x, gamma, beta, eps)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _case([[3.5], [-LIMIT], [0.1]], [2.0], [-1.5], 1e-5),
        _case([[LIMIT, -LIMIT]], [1.0, 1.0], [0.0, 0.0], 1e-5),
        _case(
            [[7.0, 7.0, 7.0, 7.0], [0.1, 0.1, 0.1, 0.1], [0.0, 1.0, 2.0, 3.0]],
            [1.0] * 4,
            [0.5] * 4,
            0.1,
        ),
        # Near 10^6 with a spread of about 0.1.
        _case(
            [
                [999999.8, 1000000.0, 1000000.2, 1000000.0],
                [-999999.9, -1000000.0, -999999.8, -999999.9],
            ],
            [1.0, -2.0, 3.0, 0.5],
            [0.0, 1.0, -1.0, 2.0],
            1e-5,
        ),
        _case([[123456.0] * 1000], [1.0] * 1000, [0.25] * 1000, 1e-5),
    ]
    tests.append(_rows(rng, 20, 2, 1e-5, 100.0, 3.0))
    tests.append(_rows(rng, 50, 3, 0.001, 10.0, 1.0))
    tests.append(_rows(rng, 30, 4, 0.1, 1.0, 0.5))
    tests.append(_rows(rng, 100, 16, 1e-5, LIMIT * 0.999, 0.2, 3))
    tests.append(_rows(rng, 10, 200, 1e-5, LIMIT * 0.999, 1.0, 3))
    tests.append(_rows(rng, 1, 1000, 0.01, 0.0, 50.0))
    tests.append(_rows(rng, 1000, 1, 1e-5, 1000.0, 1.0))
    tests.append(_rows(rng, 64, 64, 1e-5, 0.0, 0.1, 6))
    # Maximum sizes.
    tests.append(_rows(rng, 100, 1000, 1e-5, 5.0, 2.0))
    tests.append(_rows(rng, 500, 200, 1e-5, LIMIT * 0.999, 0.15, 3))
    tests.append(_rows(rng, 1000, 100, 0.05, 1e4, 1e3, 2))
    tests.append(_rows(rng, 125, 800, 1e-4, LIMIT * 0.5, 10.0, 3))
    return tests
