"""Hidden tests for knn-classify: k = 1 and k = n, duplicate training points, whole groups of
equally distant points cut by the k-th place, vote ties between labels, one dimension and
eight, and maximum sizes (n = 2000 training points, q = 500 queries)."""

from __future__ import annotations

import random

LIMIT = 1000


def _case(points: list[list[float]], labels: list[int], queries: list[list[float]], k: int) -> dict:
    return {"args": {"train_points": points, "train_labels": labels, "queries": queries, "k": k}}


def _random(
    rng: random.Random, n: int, q: int, d: int, k: int, classes: int, span: int = LIMIT
) -> dict:
    """Clustered labels: each class has a centre, so neighbours mostly agree, yet not always."""
    centres = [[rng.randint(-span, span) for _ in range(d)] for _ in range(classes)]
    points, labels = [], []
    for _ in range(n):
        c = rng.randrange(classes)
        spread = max(1, span // 3)
        points.append(
            [float(max(-LIMIT, min(LIMIT, v + rng.randint(-spread, spread)))) for v in centres[c]]
        )
        labels.append(c * 3 % 101)
    queries = [[float(rng.randint(-span, span)) for _ in range(d)] for _ in range(q)]
    return _case(points, labels, queries, k)


def _grid(rng: random.Random, n: int, q: int, k: int, classes: int) -> dict:
    """Points on a small 2-D grid: many exactly equal distances and many vote ties."""
    points = [[float(rng.randint(-3, 3)), float(rng.randint(-3, 3))] for _ in range(n)]
    labels = [rng.randrange(classes) for _ in range(n)]
    queries = [[float(rng.randint(-4, 4)), float(rng.randint(-4, 4))] for _ in range(q)]
    return _case(points, labels, queries, k)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _case([[3.0]], [42], [[-1000.0], [1000.0]], 1),
        # k = n: the majority of the whole training set, ties to the smaller label.
        _case([[0.0], [10.0], [20.0], [30.0]], [9, 4, 9, 4], [[0.0], [30.0]], 4),
        # The nearest neighbour's label is the larger of the two tied labels.
        _case([[0.0], [1.0], [-2.0], [3.0]], [5, 2, 2, 5], [[0.0]], 4),
        _case([[0.0], [1.0], [-2.0], [3.0]], [5, 2, 5, 2], [[0.0], [1.0]], 2),
        # Four equally distant points, only two fit: the smaller indices are taken.
        _case(
            [[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0], [5.0, 5.0]],
            [8, 8, 1, 1, 1],
            [[0.0, 0.0]],
            2,
        ),
        _case(
            [[-1.0, 0.0], [0.0, -1.0], [1.0, 0.0], [0.0, 1.0]],
            [1, 1, 8, 8],
            [[0.0, 0.0]],
            3,
        ),
        # Duplicate training points with different labels.
        _case([[7.0, 7.0]] * 5, [4, 3, 3, 4, 0], [[7.0, 7.0], [-7.0, 0.0]], 3),
        # Coordinates at the limits.
        _case(
            [[-1000.0] * 8, [1000.0] * 8, [1000.0] * 7 + [-1000.0]],
            [0, 100, 50],
            [[1000.0] * 8, [-1000.0] * 8, [0.0] * 8],
            2,
        ),
    ]
    tests.append(_grid(rng, 30, 20, 4, 3))
    tests.append(_grid(rng, 200, 100, 6, 4))
    tests.append(_grid(rng, 2000, 500, 10, 5))
    tests.append(_random(rng, 50, 30, 1, 5, 3, 100))
    tests.append(_random(rng, 300, 100, 3, 7, 5))
    tests.append(_random(rng, 1000, 200, 2, 1, 10))
    # Maximum sizes.
    tests.append(_random(rng, 2000, 500, 8, 15, 10))
    tests.append(_random(rng, 2000, 500, 4, 2000, 6))
    tests.append(_random(rng, 2000, 500, 5, 50, 34, 50))
    return tests
