"""Hidden tests for network-delay-time: unreachable servers, detours, 64-bit sums, big graphs."""

from __future__ import annotations

import random

W = 10**6


def _text(n: int, source: int, links: list[tuple[int, int, int]]) -> dict:
    lines = [f"{n} {len(links)} {source}"] + [f"{u} {v} {w}" for u, v, w in links]
    return {"input": "\n".join(lines) + "\n"}


def _random_links(rng: random.Random, n: int, m: int, max_w: int) -> list[tuple[int, int, int]]:
    r = rng.random
    return [(int(r() * n) + 1, int(r() * n) + 1, int(r() * max_w) + 1) for _ in range(m)]


def _cycle(rng: random.Random, n: int, max_w: int) -> list[tuple[int, int, int]]:
    """A one-way ring through all servers in random order, so everyone is reachable."""
    order = list(range(1, n + 1))
    rng.shuffle(order)
    r = rng.random
    return [(order[i], order[(i + 1) % n], int(r() * max_w) + 1) for i in range(n)]


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _text(1, 1, []),
        _text(1, 1, [(1, 1, 5)]),
        _text(2, 2, [(1, 2, 3)]),
        _text(2, 1, [(1, 2, 9), (1, 2, 4), (2, 1, 1)]),
        _text(3, 1, [(1, 3, 100), (1, 2, 1), (2, 3, 1)]),
        _text(4, 3, [(3, 1, W), (1, 2, W), (2, 4, W), (3, 4, 1)]),
        _text(5, 1, [(1, 2, 1), (2, 3, 1), (4, 5, 1)]),
    ]
    for _ in range(4):
        n = rng.randint(2, 10)
        links = _random_links(rng, n, rng.randint(0, 3 * n), 20)
        if rng.random() < 0.7:
            links += _cycle(rng, n, 20)
        rng.shuffle(links)
        tests.append(_text(n, rng.randint(1, n), links))
    n = 3000
    tests.append(_text(n, 1, _cycle(rng, n, 1000) + _random_links(rng, n, 9000, 1000)))
    n = 100_000
    # A chain of the slowest links: the answer is about 10^11.
    tests.append(_text(n, 1, [(i, i + 1, W - (i % 7)) for i in range(1, n)]))
    # The same chain with a fast direct link that a "final when first reached" search trusts.
    chain = [(i, i + 1, 1) for i in range(1, n)]
    tests.append(_text(n, 1, [(1, n, W)] + [(1, i, W) for i in range(3, n, 1000)] + chain))
    links = _cycle(rng, n, W) + _random_links(rng, n, 100_000, W)
    tests.append(_text(n, rng.randint(1, n), links))
    links = _cycle(rng, n, 10) + _random_links(rng, n, 30_000, W)
    tests.append(_text(n, 1, links))
    # Random links only: some server is almost surely unreachable.
    tests.append(_text(n, 1, _random_links(rng, n, 150_000, W)))
    return tests
