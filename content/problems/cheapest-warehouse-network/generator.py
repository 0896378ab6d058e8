"""Hidden tests for cheapest-warehouse-network: tiny and disconnected networks, parallel and
self links, the "both ends touched" trap, and maximum sizes with 64-bit totals."""

from __future__ import annotations

import random

MAX_N = 200_000
MAX_M = 200_000
C = 10**9


def _text(n: int, links: list[tuple[int, int, int]], rng: random.Random | None = None) -> dict:
    """The links `u v c` as input text; with rng, warehouse numbers and line order shuffled."""
    if rng is not None:
        label = list(range(1, n + 1))
        rng.shuffle(label)
        links = [(label[u - 1], label[v - 1], c) for u, v, c in links]
        rng.shuffle(links)
    assert 1 <= n <= MAX_N and len(links) <= MAX_M
    assert all(1 <= c <= C for _, _, c in links)
    lines = [f"{n} {len(links)}"] + [f"{u} {v} {c}" for u, v, c in links]
    return {"input": "\n".join(lines) + "\n"}


def _random_tree(rng: random.Random, n: int, max_c: int) -> list[tuple[int, int, int]]:
    return [(i, rng.randint(1, i - 1), rng.randint(1, max_c)) for i in range(2, n + 1)]


def _random_links(rng: random.Random, n: int, m: int, max_c: int) -> list[tuple[int, int, int]]:
    return [(rng.randint(1, n), rng.randint(1, n), rng.randint(1, max_c)) for _ in range(m)]


def _pairs_then_bridges(n: int) -> list[tuple[int, int, int]]:
    """Cheap links pair up 1-2, 3-4, ...; dearer links then join neighbouring pairs through
    warehouses that already have a link (n even)."""
    pairs = [(2 * i + 1, 2 * i + 2, 1) for i in range(n // 2)]
    bridges = [(2 * i + 2, 2 * i + 3, 2 + i % 1000) for i in range(n // 2 - 1)]
    return pairs + bridges


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _text(1, []),
        _text(1, [(1, 1, 5), (1, 1, 1)]),  # self links only
        _text(2, []),
        _text(2, [(1, 2, 5), (2, 1, 3), (1, 2, 9)]),  # parallel quotes
        _text(3, [(1, 1, 1), (2, 2, 1), (3, 3, 1)]),
        _text(4, [(1, 2, 1), (3, 4, 1), (2, 3, 10), (1, 4, 20)]),  # both ends already touched
        _text(5, [(1, 2, 3), (2, 3, 3), (1, 3, 3), (4, 5, 1)]),  # two groups: -1
        _text(3, [(1, 2, C), (2, 3, C), (1, 3, C)]),
    ]
    for _ in range(4):
        n = rng.randint(2, 12)
        tests.append(_text(n, _random_tree(rng, n, 20) + _random_links(rng, n, n, 20), rng))
    for _ in range(2):
        n = rng.randint(4, 12)
        tests.append(_text(n, _random_links(rng, n, n, 10), rng))  # often disconnected
    tests.append(
        _text(3000, _random_tree(rng, 3000, 1000) + _random_links(rng, 3000, 6000, 1000), rng)
    )
    n = MAX_N
    chain = [(i, i + 1, C - i % 7) for i in range(1, n)]
    tests.append(_text(n, chain))  # answer about 2 * 10^14
    tests.append(_text(n, [(i, i + 1, i) for i in range(1, n)]))  # a chain grown in order
    tests.append(_text(n, [*chain[: n // 2 - 1], *chain[n // 2 :]], rng))  # two halves: -1
    tests.append(_text(n, _pairs_then_bridges(n), rng))
    tests.append(_text(n, [(rng.randint(1, i - 1), i, 7) for i in range(2, n + 1)], rng))
    tests.append(_text(n, [*_random_tree(rng, n, C), (1, n, 1)], rng))
    half = MAX_N // 2
    tests.append(
        _text(half, _random_tree(rng, half, C) + _random_links(rng, half, half + 1, C), rng)
    )
    tests.append(
        _text(half, _random_tree(rng, half, 100) + _random_links(rng, half, half + 1, 100))
    )
    tests.append(_text(1000, _random_links(rng, 1000, MAX_M, C), rng))  # dense, many parallel
    tests.append(_text(n, _random_links(rng, n, MAX_M, C), rng))  # random and disconnected
    return tests
