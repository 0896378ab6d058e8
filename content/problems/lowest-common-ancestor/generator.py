"""Hidden tests for lowest-common-ancestor (stdio)."""

from __future__ import annotations

import random

N = 10**5
Q = 10**5


def _input(parents: list[int], queries: list[tuple[int, int]]) -> dict:
    lines = [str(len(parents)), " ".join(map(str, parents)), str(len(queries))]
    lines += [f"{a} {b}" for a, b in queries]
    return {"input": "\n".join(lines) + "\n"}


def _relabel(rng: random.Random, shape: list[int]) -> list[int]:
    """shape[i] is the parent of node i (shape[i] < i, -1 for the root 0); returns 1-based
    parents under a random relabelling, so a parent's id is not necessarily smaller."""
    n = len(shape)
    label = list(range(1, n + 1))
    rng.shuffle(label)
    parents = [0] * n
    for i, p in enumerate(shape):
        parents[label[i] - 1] = label[p] if p >= 0 else 0
    return parents


def _random_queries(rng: random.Random, n: int, q: int) -> list[tuple[int, int]]:
    ids = rng.choices(range(1, n + 1), k=2 * q)
    return list(zip(ids[::2], ids[1::2], strict=True))


def _random_shape(rng: random.Random, n: int, window: int) -> list[int]:
    """Node i hangs below one of the `window` previous nodes: small windows give deep trees."""
    rand = rng.random
    return [-1] + [i - 1 - int(rand() * min(window, i)) for i in range(1, n)]


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _input([0], [(1, 1)]),
        _input([0, 1], [(1, 2), (2, 1), (2, 2)]),
        _input([2, 0], [(1, 2), (1, 1)]),
        _input([3, 3, 0, 3, 4], [(1, 2), (5, 4), (5, 1), (3, 3), (5, 5), (2, 5)]),
    ]
    for _ in range(5):
        n = rng.randint(2, 12)
        parents = _relabel(rng, _random_shape(rng, n, rng.randint(1, n)))
        tests.append(_input(parents, _random_queries(rng, n, 20)))
    for _ in range(2):
        n = rng.randint(500, 3000)
        parents = _relabel(rng, _random_shape(rng, n, rng.choice([2, 50, n])))
        tests.append(_input(parents, _random_queries(rng, n, 3000)))
    # Maximum size. Two long chains below the root: walking up from both ends costs 10^5 steps
    # per query, 10^10 in total.
    half = N // 2
    shape = [-1] + [0 if i in (1, half + 1) else i - 1 for i in range(1, N)]
    label = list(range(1, N + 1))
    rng.shuffle(label)
    parents = [0] * N
    for i, p in enumerate(shape):
        parents[label[i] - 1] = label[p] if p >= 0 else 0
    deep_left = [label[i] for i in range(half - 200, half + 1)]
    deep_right = [label[i] for i in range(N - 200, N)]
    queries = list(zip(rng.choices(deep_left, k=Q), rng.choices(deep_right, k=Q), strict=True))
    tests.append(_input(parents, queries))
    # A path: the ancestor is always the shallower node, deep in the tree.
    shape = [-1, *range(N - 1)]
    parents = _relabel(rng, shape)
    tests.append(_input(parents, _random_queries(rng, N, Q)))
    # Random trees, deep and bushy, with random labels.
    tests.append(_input(_relabel(rng, _random_shape(rng, N, 3)), _random_queries(rng, N, Q)))
    tests.append(_input(_relabel(rng, _random_shape(rng, N, N)), _random_queries(rng, N, Q)))
    # A complete binary tree and a star.
    tests.append(
        _input(
            _relabel(rng, [-1] + [(i - 1) // 2 for i in range(1, N)]), _random_queries(rng, N, Q)
        )
    )
    tests.append(_input(_relabel(rng, [-1] + [0] * (N - 1)), _random_queries(rng, N, Q)))
    return tests
