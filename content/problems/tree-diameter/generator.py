"""Hidden tests for tree-diameter: tiny trees, paths, stars, weight traps and maximum trees."""

from __future__ import annotations

import random

W = 10**9


def _text(n: int, edges: list[tuple[int, int, int]], rng: random.Random | None = None) -> dict:
    """The tree as input text; with rng, station numbers and belt order are shuffled."""
    if rng is not None:
        label = list(range(1, n + 1))
        rng.shuffle(label)
        edges = [(label[v - 1], label[u - 1], w) for u, v, w in edges]
        rng.shuffle(edges)
    lines = [str(n)] + [f"{u} {v} {w}" for u, v, w in edges]
    return {"input": "\n".join(lines) + "\n"}


def _random_tree(rng: random.Random, n: int, max_w: int, spread: int) -> list[tuple[int, int, int]]:
    """Station i hangs under one of the `spread` stations before it (small spread: deep trees)."""
    r = rng.random
    return [
        (i, i - 1 - int(r() * min(spread, i - 1)), int(r() * max_w) + 1) for i in range(2, n + 1)
    ]


def _trap(rng: random.Random, n: int) -> list[tuple[int, int, int]]:
    """A long chain of light belts from 1 and two heavy belts at 1: the station with the most
    belts from 1 is not an end of the longest route (2W, between the heavy leaves)."""
    edges = [(i, i + 1, 1) for i in range(1, n - 2)]
    return [*edges, (1, n - 1, W), (1, n, W)]


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _text(1, []),
        _text(2, [(1, 2, W)]),
        _text(3, [(2, 1, 5), (2, 3, 7)]),
        _text(4, [(1, 2, 1), (1, 3, 1), (1, 4, 1)]),
        _text(6, [(1, 2, 1), (2, 3, 1), (3, 4, 1), (1, 5, 10), (5, 6, 1)]),
        _text(5, [(1, 2, 1), (2, 3, 1), (3, 4, 1), (2, 5, 9)]),
        _text(8, _trap(rng, 8)),
    ]
    for _ in range(4):
        n = rng.randint(2, 12)
        tests.append(_text(n, _random_tree(rng, n, 20, n), rng))
    tests.append(_text(3000, _random_tree(rng, 3000, 1000, 5), rng))
    n = 200_000
    tests.append(_text(n, [(i, i + 1, W) for i in range(1, n)]))  # deep path, answer ~2 * 10^14
    tests.append(_text(n, [(1, i, W - i) for i in range(2, n + 1)]))  # star
    tests.append(_text(n, _trap(rng, n)))
    tests.append(_text(n, _random_tree(rng, n, W, n)))  # shallow random tree
    tests.append(_text(n, _random_tree(rng, n, W, 3), rng))  # deep random tree
    return tests
