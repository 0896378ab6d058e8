"""Hidden tests for best-route-in-sorter-tree: small trees, chains, balanced and random trees."""

from __future__ import annotations

import random

MAX_N = 100_000
MAX_V = 10**9


def _args(values: list[int], children: list[tuple[int, int]]) -> dict:
    return {
        "args": {
            "values": values,
            "left": [c[0] for c in children],
            "right": [c[1] for c in children],
        }
    }


def _random_shape(rng: random.Random, n: int, spread: int) -> list[tuple[int, int]]:
    """Gate i hangs under a gate with a free side among the last `spread` such gates (small
    spread: deep trees); the other gates (1..n-1) are then relabelled at random, root stays 0."""
    slots: list[tuple[int, int]] = [(0, 0), (0, 1)]
    children = [[-1, -1] for _ in range(n)]
    for i in range(1, n):
        k = len(slots) - 1 - int(rng.random() * min(spread, len(slots)))
        slots[k], slots[-1] = slots[-1], slots[k]
        parent, side = slots.pop()
        children[parent][side] = i
        slots += [(i, 0), (i, 1)]
    label = [0, *rng.sample(range(1, n), n - 1)]
    relabelled = [(-1, -1)] * n
    for i, (a, b) in enumerate(children):
        relabelled[label[i]] = (label[a] if a >= 0 else -1, label[b] if b >= 0 else -1)
    return relabelled


def _values(rng: random.Random, n: int, low: int, high: int) -> list[int]:
    return [rng.randint(low, high) for _ in range(n)]


def _chain(n: int, side: str) -> list[tuple[int, int]]:
    """A chain 0 - 1 - ... - n-1 going left, right, or alternating ("zigzag")."""
    out = []
    for i in range(n):
        nxt = i + 1 if i + 1 < n else -1
        go_left = side == "left" or (side == "zigzag" and i % 2 == 0)
        out.append((nxt, -1) if go_left else (-1, nxt))
    return out


def _complete(n: int) -> list[tuple[int, int]]:
    def child(k: int) -> int:
        return k if k < n else -1

    return [(child(2 * i + 1), child(2 * i + 2)) for i in range(n)]


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _args([-MAX_V], [(-1, -1)]),
        _args([MAX_V], [(-1, -1)]),
        _args([-1, 5], [(-1, 1), (-1, -1)]),
        _args([-3, -1, -2], [(1, 2), (-1, -1), (-1, -1)]),
        _args([1, -5, 2, 10, -1], [(1, 2), (3, -1), (-1, -1), (-1, 4), (-1, -1)]),
        _args([0, 0, 0], _chain(3, "right")),
        _args([2, -1, 3, 4, -10, 6], _complete(6)),
    ]
    for _ in range(5):
        n = rng.randint(2, 12)
        tests.append(_args(_values(rng, n, -10, 10), _random_shape(rng, n, n)))
    tests.append(_args(_values(rng, 2000, -1000, 1000), _random_shape(rng, 2000, 3)))
    n = MAX_N
    # Chains: a slow rescan of each subtree is quadratic on them, and recursion runs 10^5 deep.
    tests.append(_args([MAX_V] * n, _chain(n, "left")))  # 10^14
    tests.append(_args(_values(rng, n, -MAX_V, MAX_V), _chain(n, "right")))
    tests.append(_args(_values(rng, n, -100, 1000), _chain(n, "zigzag")))
    tests.append(_args(_values(rng, n, -MAX_V, -1), _chain(n, "left")))  # all negative
    tests.append(_args(_values(rng, n, -MAX_V, MAX_V), _complete(n)))
    tests.append(_args(_values(rng, n, -MAX_V, MAX_V // 2), _random_shape(rng, n, n)))
    tests.append(_args(_values(rng, n, -3 * MAX_V // 4, MAX_V), _random_shape(rng, n, 2)))
    tests.append(_args(_values(rng, n, -MAX_V, -1), _random_shape(rng, n, 4)))
    return tests
