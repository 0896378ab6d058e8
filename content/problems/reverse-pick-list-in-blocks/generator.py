"""Hidden tests for reverse-pick-list-in-blocks: k = 1, k = n, short last blocks, maximum size."""

from __future__ import annotations

import itertools
import random
from typing import Any

MAX_N = 100_000
LIMIT = 10**9


def _test(rng: random.Random, values: list[int], k: int) -> dict[str, Any]:
    """The list visits `values` in the given order, stored at shuffled node positions."""
    n = len(values)
    position = list(range(n))
    rng.shuffle(position)  # position[j]: the node that holds the j-th item of the list
    stored = [0] * n
    next_node = [-1] * n
    for j, node in enumerate(position):
        stored[node] = values[j]
    for a, b in itertools.pairwise(position):
        next_node[a] = b
    return {"args": {"values": stored, "next_node": next_node, "head": position[0], "k": k}}


def generate(rng: random.Random) -> list[dict[str, Any]]:
    tests = [
        {"args": {"values": [7], "next_node": [-1], "head": 0, "k": 1}},
        {"args": {"values": [1, 2], "next_node": [-1, 0], "head": 1, "k": 2}},
        _test(rng, [1, 2, 3, 4, 5], 1),
        _test(rng, [1, 2, 3, 4, 5], 5),
        _test(rng, [1, 2, 3, 4, 5], 3),
        _test(rng, [1, 2, 3, 4, 5, 6], 4),
        _test(rng, [5, 5, -1, 5, -1, 0, 0], 2),
        _test(rng, [-LIMIT, LIMIT, 0, LIMIT, -LIMIT], 4),
    ]
    for _ in range(4):
        n = rng.randint(2, 15)
        values = [rng.randint(-20, 20) for _ in range(n)]
        tests.append(_test(rng, values, rng.randint(1, n)))

    def big() -> list[int]:
        return [rng.randint(-LIMIT, LIMIT) for _ in range(MAX_N)]

    # Maximum size: pairs, one block, two long blocks with a leftover, blocks that are not a
    # divisor of n, and k = n - 1.
    tests.append(_test(rng, big(), 2))
    tests.append(_test(rng, big(), MAX_N))
    tests.append(_test(rng, big(), MAX_N // 2 - 1))
    tests.append(_test(rng, big(), 317))
    tests.append(_test(rng, big(), MAX_N - 1))
    return tests
