"""Hidden tests for linear-regression-sgd-epoch: one row, batches of 1, a batch of all rows,
sizes that leave a short last batch (of 1, and of batch_size - 1), parameters already at the
optimum, targets far from the start, and maximum sizes (n = 2000, d = 20)."""

from __future__ import annotations

import random


def _case(
    x: list[list[float]], y: list[float], w: list[float], b: float, lr: float, batch: int
) -> dict:
    return {"args": {"x": x, "y": y, "weights": w, "bias": b, "lr": lr, "batch_size": batch}}


def _random(
    rng: random.Random, n: int, d: int, batch: int, scale: float = 1.0, share: float = 0.4
) -> dict:
    """Rows uniform in [-scale, scale]; targets from a random linear model plus noise; lr a
    share of the largest stable step for a batch of one row."""
    truth = [rng.uniform(-5, 5) for _ in range(d)]
    x = [[round(rng.uniform(-scale, scale), 3) for _ in range(d)] for _ in range(n)]
    y = [
        round(
            max(
                -1000.0,
                min(
                    1000.0,
                    sum(a * t for a, t in zip(row, truth, strict=True)) + 7.0 + rng.gauss(0, 1),
                ),
            ),
            3,
        )
        for row in x
    ]
    top = max(sum(v * v for v in row) for row in x)
    lr = round(share / (2.0 * (top + 1.0)), 6)
    w = [round(rng.uniform(-1, 1), 2) for _ in range(d)]
    return _case(x, y, w, round(rng.uniform(-1, 1), 2), lr, batch)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _case([[2.0]], [1.0], [0.0], 0.0, 0.1, 1),
        _case([[1.0, -1.0], [0.5, 2.0]], [0.0, 3.0], [1.0, 1.0], -1.0, 0.05, 2),
        # Already at the optimum: every residual is 0 and nothing moves.
        _case([[1.0, 2.0], [3.0, -1.0], [0.0, 4.0]], [5.0, 1.0, 8.0], [1.0, 2.0], 0.0, 0.01, 2),
        # A short last batch of one row.
        _case(
            [[1.0], [2.0], [3.0], [4.0], [5.0]], [1.0, 1.0, 1.0, 1.0, 100.0], [0.0], 0.0, 0.01, 2
        ),
        _case([[10.0] * 3, [-10.0] * 3], [1000.0, -1000.0], [10.0, -10.0, 10.0], 10.0, 0.001, 1),
        # One batch of everything: plain gradient descent, one step.
        _case([[1.0], [-1.0], [0.5]], [-1000.0, 1000.0, 0.0], [-10.0], 10.0, 0.3, 3),
    ]
    tests.append(_random(rng, 7, 2, 3))
    tests.append(_random(rng, 20, 3, 1))
    tests.append(_random(rng, 100, 5, 32, 10.0))
    tests.append(_random(rng, 97, 4, 10, 2.0, 0.9))
    tests.append(_random(rng, 500, 10, 499))
    # Maximum sizes.
    tests.append(_random(rng, 2000, 20, 1, 1.0, 0.2))
    tests.append(_random(rng, 2000, 20, 64, 10.0))
    tests.append(_random(rng, 2000, 20, 2000, 5.0, 0.9))
    tests.append(_random(rng, 2000, 1, 7, 10.0))
    tests.append(_random(rng, 1999, 20, 1000, 3.0))
    return tests
