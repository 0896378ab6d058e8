"""Hidden tests for kmeans-lloyd: one point, one centroid, exact ties in the first assignment,
centroids that attract no point, duplicate points, convergence before the last iteration, and
maximum sizes.  Coordinates are integers, so first-assignment distances are exact; after that,
a test is only kept if no point is ever within 1e-6 of a tie, so that rounding decides nothing."""

from __future__ import annotations

import random

LIMIT = 1000


def _case(points: list[list[float]], centroids: list[list[float]], iterations: int) -> dict:
    return {"args": {"points": points, "centroids": centroids, "iterations": iterations}}


def _clear_of_ties(
    points: list[list[float]], centroids: list[list[float]], iterations: int
) -> bool:
    """Run Lloyd's algorithm; False if a point is nearly equidistant from its two nearest
    centroids after the first assignment (exact ties in the first one are well defined)."""
    c = [list(row) for row in centroids]
    d = len(points[0])
    for step in range(iterations):
        sums = [[0.0] * d for _ in c]
        sizes = [0] * len(c)
        for p in points:
            dist = [sum((a - b) ** 2 for a, b in zip(p, q, strict=True)) for q in c]
            order = sorted(range(len(c)), key=dist.__getitem__)
            if step > 0 and len(c) > 1:
                first, second = dist[order[0]], dist[order[1]]
                if second - first <= 1e-6 * (1.0 + first):
                    return False
            j = order[0]
            sizes[j] += 1
            for t in range(d):
                sums[j][t] += p[t]
        c = [[s / sizes[j] for s in sums[j]] if sizes[j] else c[j] for j in range(len(c))]
    return True


def _blobs(
    rng: random.Random, n: int, k: int, d: int, spread: int, iterations: int, far: int = 0
) -> dict:
    """Points around k random centres; k initial centroids picked among the points, plus
    ``far`` centroids outside the data that no point will ever choose."""
    while True:
        centres = [[rng.randint(-LIMIT // 2, LIMIT // 2) for _ in range(d)] for _ in range(k)]
        points = []
        for _ in range(n):
            centre = rng.choice(centres)
            points.append(
                [float(max(-LIMIT, min(LIMIT, v + rng.randint(-spread, spread)))) for v in centre]
            )
        start = [list(p) for p in rng.sample(points, k - far)]
        start += [[float(LIMIT)] * d for _ in range(far)]
        if _clear_of_ties(points, start, iterations):
            return _case(points, start, iterations)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _case([[5.0, -3.0]], [[0.0, 0.0]], 1),
        _case([[1.0], [2.0], [6.0]], [[100.0]], 2),
        # Exact ties in the first assignment go to the lower index.
        _case([[1.0], [3.0], [5.0]], [[2.0], [4.0]], 1),
        _case([[0.0, 0.0], [2.0, 2.0], [1.0, 1.0]], [[0.0, 2.0], [2.0, 0.0]], 1),
        _case([[1.0], [3.0]], [[2.0], [2.0]], 3),
        # A centroid no point ever chooses stays where it is.
        _case([[1.0], [2.0], [9.0], [10.0]], [[0.0], [3.0], [1000.0]], 5),
        _case([[-7.0, 4.0]] * 5 + [[8.0, -1.0]] * 3, [[0.0, 0.0], [-1000.0, -1000.0]], 4),
        # Converges long before the last iteration.
        _case([[0.0, 0.0], [0.0, 2.0], [10.0, 0.0], [10.0, 2.0]], [[0.0, 1.0], [10.0, 1.0]], 30),
    ]
    tests.append(_blobs(rng, 12, 2, 1, 3, 5))
    tests.append(_blobs(rng, 40, 3, 2, 60, 10))
    tests.append(_blobs(rng, 100, 4, 3, 200, 15, far=1))
    tests.append(_blobs(rng, 300, 6, 2, 300, 20))
    # Maximum size: n * k * d * iterations = 1.2 million distance terms.
    tests.append(_blobs(rng, 1000, 10, 4, 150, 30))
    tests.append(_blobs(rng, 1000, 10, 4, 400, 30, far=2))
    tests.append(_blobs(rng, 1000, 5, 8, 100, 30))
    return tests
