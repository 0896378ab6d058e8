"""Hidden tests for batch-norm-forward: one example, constant features (only eps keeps the
division finite), two examples, large offsets with a modest spread (E[x^2] - E[x]^2 cancels),
tiny and large eps, and maximum-size batches.  Inputs are multiples of 1/16, so every sum of a
column is exact and correct two-pass or streaming (Welford) methods agree to far below 1e-6."""

from __future__ import annotations

import random

LIMIT = 10**8


def _case(x: list[list[float]], gamma: list[float], beta: list[float], eps: float) -> dict:
    return {"args": {"x": x, "gamma": gamma, "beta": beta, "eps": eps}}


def _grid(value: float) -> float:
    """The nearest multiple of 1/16, within the limits."""
    return max(-LIMIT, min(LIMIT, round(value * 16) / 16))


def _affine(rng: random.Random, d: int) -> tuple[list[float], list[float]]:
    gamma = [_grid(rng.uniform(-10, 10)) for _ in range(d)]
    beta = [_grid(rng.uniform(-10, 10)) for _ in range(d)]
    return gamma, beta


def _batch(
    rng: random.Random, n: int, d: int, offset: float, spread: float, eps: float = 1e-5
) -> dict:
    """Each feature: its own centre within +-offset and a normal spread around it."""
    centres = [rng.uniform(-offset, offset) for _ in range(d)]
    x = [[_grid(rng.gauss(c, spread)) for c in centres] for _ in range(n)]
    return _case(x, *_affine(rng, d), eps)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        # One example: every feature is constant, the output is beta.
        _case([[3.5, -2.0, 0.0]], [1.0, 2.0, 3.0], [0.25, -0.5, 7.0], 1e-5),
        _case([[1.0], [3.0]], [1.0], [0.0], 1e-8),
        _case([[5.0, 5.0], [5.0, 5.0], [5.0, 5.0]], [-2.0, 10.0], [1.0, -1.0], 0.1),
        _case([[-1.0, 1.0], [1.0, -1.0], [0.0, 0.0], [2.0, 2.0]], [1.0, 1.0], [0.0, 0.0], 1e-5),
        # Offsets of 10^8 with a spread of 2 to 100: E[x^2] is about 10^16, where doubles are
        # 2 apart.
        _case([[1e8], [1e8 + 2]], [1.0], [0.0], 1e-8),
        _case([[-1e8 + 100], [-1e8 - 100], [-1e8], [-1e8 + 50]], [3.0], [-1.0], 1e-5),
        # A large eps next to a tiny variance.
        _case([[0.0], [0.0625]], [1.0], [0.0], 0.1),
    ]
    tests.append(_batch(rng, 5, 3, 10.0, 2.0))
    tests.append(_batch(rng, 16, 8, 1000.0, 50.0, 1e-3))
    tests.append(_batch(rng, 64, 4, 1e8, 100.0))
    tests.append(_batch(rng, 200, 20, 3e7, 30.0, 1e-8))
    tests.append(_batch(rng, 300, 10, 1.0, 0.5, 0.1))
    # Maximum size: n * d = 50,000 in both shapes, small and huge offsets.
    tests.append(_batch(rng, 1000, 50, 5.0, 3.0))
    tests.append(_batch(rng, 1000, 50, 1e8, 100.0))
    tests.append(_batch(rng, 500, 100, 1e6, 20.0, 1e-8))
    x = [[_grid(rng.uniform(-LIMIT, LIMIT)) for _ in range(50)] for _ in range(1000)]
    tests.append(_case(x, *_affine(rng, 50), 1e-5))
    return tests
