"""Hidden tests for scaled-dot-product-attention: single query or key, d = 1, zero queries,
causal and not, scores up to 800 (overflow without the max shift), maximum sizes."""

from __future__ import annotations

import random

LIMIT = 10.0


def _case(queries: list, keys: list, values: list, causal: bool) -> dict:
    return {"args": {"queries": queries, "keys": keys, "values": values, "causal": causal}}


def _matrix(rng: random.Random, rows: int, cols: int, spread: float = LIMIT) -> list[list[float]]:
    return [[round(rng.uniform(-spread, spread), 3) for _ in range(cols)] for _ in range(rows)]


def _random(
    rng: random.Random, n: int, m: int, d: int, dv: int, causal: bool, spread: float
) -> dict:
    return _case(
        _matrix(rng, n, d, spread), _matrix(rng, m, d, spread), _matrix(rng, m, dv), causal
    )


def _aligned(rng: random.Random, n: int, d: int, causal: bool) -> dict:
    """Keys close to +-10 in every entry and queries that match one of them: scores near 800."""
    keys = [[rng.choice((-1, 1)) * LIMIT for _ in range(d)] for _ in range(n)]
    queries = [[x * rng.uniform(0.9, 1.0) for x in rng.choice(keys)] for _ in range(n)]
    return _case(queries, keys, _matrix(rng, n, 8), causal)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _case([[3.0]], [[-2.0]], [[7.5]], False),
        _case([[3.0]], [[-2.0]], [[7.5, -1.0, 0.0]], True),
        _case([[0.0, 0.0, 0.0]], [[1.0, 2.0, 3.0], [-4.0, 5.0, 6.0]], [[1.0], [2.0]], False),
        _case([[1.0], [2.0], [3.0]], [[1.0], [1.0], [1.0]], [[0.0], [3.0], [9.0]], True),
        # Scores of exactly 800 and -800: exp overflows without the max shift.
        _case([[LIMIT] * 64], [[LIMIT] * 64, [-LIMIT] * 64], [[1.0, -1.0], [5.0, 5.0]], False),
        _case(
            [[LIMIT] * 64, [-LIMIT] * 64],
            [[LIMIT] * 64, [LIMIT] * 64],
            [[2.0], [4.0]],
            True,
        ),
        # Two keys with the same score split the weight evenly.
        _case([[1.0, 1.0]], [[2.0, 0.0], [0.0, 2.0], [-9.0, -9.0]], [[4.0], [8.0], [100.0]], False),
    ]
    for causal in (False, True):
        tests.append(_random(rng, 4, 4, 3, 2, causal, 1.0))
        tests.append(_random(rng, 12, 12, 16, 5, causal, LIMIT))
    tests.append(_random(rng, 5, 30, 8, 8, False, 3.0))
    tests.append(_aligned(rng, 40, 64, False))
    tests.append(_aligned(rng, 40, 64, True))
    # Maximum size, moderate and extreme scores, with and without the mask.
    tests.append(_random(rng, 128, 128, 64, 64, False, 1.0))
    tests.append(_random(rng, 128, 128, 64, 64, True, LIMIT))
    tests.append(_random(rng, 128, 128, 64, 64, False, LIMIT))
    tests.append(_aligned(rng, 128, 64, True))
    return tests
