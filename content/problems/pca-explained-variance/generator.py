"""Hidden tests for pca-explained-variance: one feature, two rows, collinear data, a constant
column, a duplicated column, isotropic data (equal eigenvalues), fewer rows than features,
features near 10^6 that vary by about 1, values at +-10^6, and maximum sizes (2000 x 30)."""

from __future__ import annotations

import random

LIMIT = 10**6


def _case(x: list[list[float]], k: int) -> dict:
    return {"args": {"x": x, "k": k}}


def _factors(
    rng: random.Random,
    n: int,
    d: int,
    k: int,
    rank: int,
    noise: float,
    offset: float = 0.0,
    scale: float = 10.0,
    digits: int = 4,
) -> dict:
    """x = z . A + noise + offset, with ``rank`` latent factors of decreasing strength."""
    a = [[rng.gauss(0, 1) for _ in range(d)] for _ in range(rank)]
    shift = [offset + rng.uniform(-1, 1) * (abs(offset) * 1e-3) for _ in range(d)]
    x = []
    for _ in range(n):
        z = [rng.gauss(0, scale / (r + 1)) for r in range(rank)]
        row = []
        for j in range(d):
            v = shift[j] + sum(z[r] * a[r][j] for r in range(rank)) + rng.gauss(0, noise)
            row.append(round(max(-LIMIT, min(LIMIT, v)), digits))
        x.append(row)
    return _case(x, k)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _case([[3.0], [7.0]], 1),
        _case([[0.0, 0.0, 0.0], [1.0, 2.0, 3.0]], 3),
        _case([[-LIMIT, LIMIT], [LIMIT, -LIMIT], [LIMIT, LIMIT]], 2),
        # A constant column: one eigenvalue is exactly 0.
        _case([[1.0, 9.0, 2.0], [2.0, 9.0, 0.0], [4.0, 9.0, 1.0], [3.0, 9.0, 5.0]], 3),
        # A duplicated column, and an isotropic cloud (all eigenvalues equal).
        _case([[1.0, 1.0, 0.0], [2.0, 2.0, 1.0], [0.0, 0.0, 3.0], [5.0, 5.0, 1.0]], 2),
        _case(
            [
                [1.0, 0.0, 0.0],
                [-1.0, 0.0, 0.0],
                [0.0, 1.0, 0.0],
                [0.0, -1.0, 0.0],
                [0.0, 0.0, 1.0],
                [0.0, 0.0, -1.0],
            ],
            3,
        ),
    ]
    tests.append(_factors(rng, 5, 20, 10, 3, 1.0))
    tests.append(_factors(rng, 50, 4, 2, 1, 0.1))
    tests.append(_factors(rng, 200, 8, 8, 8, 0.5))
    # Near 10^6, varying by about 1: the one-pass covariance loses most of its digits.
    tests.append(_factors(rng, 300, 5, 3, 2, 0.2, offset=LIMIT * 0.999, scale=2.0, digits=3))
    tests.append(_factors(rng, 1000, 3, 2, 3, 0.0, offset=-LIMIT * 0.999, scale=1.0, digits=3))
    tests.append(_factors(rng, 100, 10, 4, 4, 1.0, scale=50000.0, digits=1))
    # Maximum sizes.
    tests.append(_factors(rng, 2000, 30, 5, 5, 1.0))
    tests.append(_factors(rng, 2000, 30, 30, 30, 2.0))
    tests.append(_factors(rng, 2000, 30, 10, 3, 0.5, offset=LIMIT * 0.99, scale=5.0, digits=3))
    tests.append(_factors(rng, 2000, 1, 1, 1, 3.0))
    tests.append(_factors(rng, 2000, 25, 1, 25, 0.0, scale=1000.0, digits=2))
    return tests
