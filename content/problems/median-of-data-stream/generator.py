"""Hidden tests for median-of-data-stream: tiny streams, duplicates, extremes, maximum size."""

from __future__ import annotations

import random

LIMIT = 10**9


def _text(ops: list[int | None]) -> dict:
    """ops: a number means "add" it, None means "median"."""
    lines = [str(len(ops))] + ["median" if x is None else f"add {x}" for x in ops]
    return {"input": "\n".join(lines) + "\n"}


def _stream(rng: random.Random, q: int, values, median_share: float) -> list[int | None]:
    """A valid stream: the first operation adds, later ones query with the given probability."""
    ops: list[int | None] = [next(values)]
    r = rng.random
    for _ in range(q - 1):
        ops.append(None if r() < median_share else next(values))
    return ops


def _uniform(rng: random.Random, low: int, high: int):
    r = rng.random
    while True:
        yield low + int(r() * (high - low + 1))


def _counting(start: int, step: int):
    while True:
        yield start
        start += step


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _text([7, None]),
        _text([LIMIT, None, LIMIT, None]),
        _text([-LIMIT, None, -LIMIT + 1, None]),
        _text([LIMIT, -LIMIT, None, 0, None]),
        _text([1, 2, None, 3, None, 4, None]),
        _text([-3, None, -2, None, -2, -2, None]),
        _text([5, 5, 5, 5, None, 5, None]),
        _text([9, 8, 7, 6, 5, None, 4, None, 3, 2, 1, None]),
    ]
    for _ in range(3):
        tests.append(_text(_stream(rng, rng.randint(2, 15), _uniform(rng, -10, 10), 0.4)))
    tests.append(_text(_stream(rng, 5000, _uniform(rng, -LIMIT, LIMIT), 0.5)))
    tests.append(_text(_stream(rng, 5000, _uniform(rng, 0, 3), 0.3)))
    q = 200_000
    # Maximum size, about half of the operations are queries: re-sorting per query is hopeless.
    tests.append(_text(_stream(rng, q, _uniform(rng, -LIMIT, LIMIT), 0.5)))
    tests.append(_text(_stream(rng, q, _uniform(rng, LIMIT - 1000, LIMIT), 0.5)))
    tests.append(_text(_stream(rng, q, _counting(LIMIT, -10_000), 0.3)))
    tests.append(_text(_stream(rng, q, _counting(-LIMIT, 7), 0.6)))
    tests.append(_text([rng.randint(-LIMIT, LIMIT) for _ in range(q - 1)] + [None]))
    return tests
