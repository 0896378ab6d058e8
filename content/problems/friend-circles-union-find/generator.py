"""Hidden tests for friend-circles-union-find: isolated people, repeats, chains and big graphs."""

from __future__ import annotations

import random


def _text(n: int, pairs: list[tuple[int, int]]) -> dict:
    lines = [f"{n} {len(pairs)}"] + [f"{a} {b}" for a, b in pairs]
    return {"input": "\n".join(lines) + "\n"}


def _random_pairs(rng: random.Random, n: int, m: int) -> list[tuple[int, int]]:
    r = rng.random
    return [(int(r() * n) + 1, int(r() * n) + 1) for _ in range(m)]


def _clusters(rng: random.Random, n: int, groups: int, m: int) -> list[tuple[int, int]]:
    """Friendships only inside `groups` hidden clusters of uneven sizes."""
    label = [int(rng.random() * groups) ** 2 % groups for _ in range(n + 1)]
    members: dict[int, list[int]] = {}
    for person in range(1, n + 1):
        members.setdefault(label[person], []).append(person)
    pools = list(members.values())
    weights = [len(pool) for pool in pools]
    pairs = []
    r = rng.random
    for pool in rng.choices(pools, weights=weights, k=m):
        pairs.append((pool[int(r() * len(pool))], pool[int(r() * len(pool))]))
    return pairs


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _text(1, []),
        _text(1, [(1, 1)]),
        _text(2, [(1, 2), (2, 1), (1, 2)]),
        _text(3, [(1, 2), (2, 3), (3, 1)]),
        _text(6, [(1, 2), (3, 4), (5, 6), (2, 1)]),
        _text(5, [(5, 5), (4, 4)]),
        _text(7, [(1, 7), (2, 6), (7, 6), (3, 3)]),
    ]
    for _ in range(4):
        n = rng.randint(2, 12)
        tests.append(_text(n, _random_pairs(rng, n, rng.randint(0, n + 3))))
    tests.append(_text(3000, _clusters(rng, 3000, 40, 5000)))
    tests.append(_text(5000, _random_pairs(rng, 5000, 2400)))
    n = 200_000
    # A star built so that naive linking makes a chain that every lookup walks from the far end.
    tests.append(_text(n, [(1, i) for i in range(2, n + 1)] + [(1, 2)]))
    # A long path given in order, then its closing edge (a cycle through everybody).
    tests.append(_text(n, [(i, i + 1) for i in range(1, n)] + [(n, 1)]))
    # A random graph past the giant-component threshold, hidden clusters, many duplicates.
    tests.append(_text(n, _random_pairs(rng, n, n)))
    tests.append(_text(n, _clusters(rng, n, 1000, n // 4)))
    half = _random_pairs(rng, 1000, 100_000)
    tests.append(_text(n, half + half))
    return tests
