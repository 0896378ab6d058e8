"""Hidden tests for logistic-regression-gradient-descent: one example, one step, one class only,
separable data, a feature that is always 0, duplicated rows with opposite labels, and maximum
sizes.  Every learning rate keeps lr * L below 2 (L bounds the log loss's curvature), where
gradient descent is stable and rounding errors do not grow from step to step."""

from __future__ import annotations

import random


def _case(x: list[list[float]], y: list[int], lr: float, steps: int) -> dict:
    return {"args": {"x": x, "y": y, "lr": lr, "steps": steps}}


def _safe_lr(x: list[list[float]], share: float) -> float:
    """``share`` (below 2) over a bound of the curvature: trace([X 1]^T [X 1]) / (4 n)."""
    bound = sum(sum(v * v for v in row) + 1.0 for row in x) / (4 * len(x))
    return round(min(1.0, share / bound), 6)


def _data(rng: random.Random, n: int, d: int, noise: float) -> tuple[list[list[float]], list[int]]:
    """Labels from a hidden linear rule plus logistic-looking noise."""
    true_w = [rng.uniform(-1.5, 1.5) for _ in range(d)]
    x = [[round(rng.uniform(-5, 5), 3) for _ in range(d)] for _ in range(n)]
    y = []
    for row in x:
        z = sum(w * v for w, v in zip(true_w, row, strict=True)) + rng.gauss(0, noise)
        y.append(1 if z > 0 else 0)
    return x, y


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _case([[3.0, -1.0]], [1], 0.1, 1),
        _case([[3.0, -1.0]], [0], 0.1, 50),
        _case([[1.0], [1.0]], [1, 0], 1.0, 20),
        _case([[2.0, 0.0], [-2.0, 0.0], [1.0, 0.0]], [1, 0, 1], 0.5, 30),
        _case([[0.0], [0.0], [0.0]], [1, 1, 0], 1.0, 200),
        _case([[5.0, 5.0], [-5.0, -5.0]], [1, 0], 0.07, 200),
        _case([[1.0, 2.0, 3.0]] * 4, [1, 1, 1, 1], 0.05, 10),
    ]
    for n, d, noise, steps, share in (
        (5, 1, 0.0, 40, 1.0),
        (20, 2, 1.0, 100, 1.5),
        (50, 3, 0.5, 60, 0.5),
        (100, 5, 2.0, 150, 1.9),
        (200, 10, 0.0, 200, 1.2),
    ):
        x, y = _data(rng, n, d, noise)
        tests.append(_case(x, y, _safe_lr(x, share), steps))
    # Maximum size: n * d * steps = 10^6, separable and noisy, a large and a small step.
    for noise, share in ((0.0, 1.8), (3.0, 0.3), (1.0, 1.0)):
        x, y = _data(rng, 500, 10, noise)
        tests.append(_case(x, y, _safe_lr(x, share), 200))
    return tests
