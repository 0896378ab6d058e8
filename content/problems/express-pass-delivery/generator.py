"""Hidden tests for express-pass-delivery: tiny maps, pass traps, unreachable hubs, parallel
roads and maximum maps (10,000 hubs, 20,000 roads, 10 passes)."""

from __future__ import annotations

import random

MAX_N = 10_000
MAX_M = 20_000
MAX_T = 10**6

Road = tuple[int, int, int, int]


def _text(n: int, k: int, roads: list[Road], rng: random.Random | None = None) -> dict:
    """The map as input text; with rng, hubs 2..n-1 are relabelled and the roads shuffled."""
    if rng is not None and n > 3:
        inner = list(range(2, n))
        rng.shuffle(inner)
        label = {1: 1, n: n, **{old: new for old, new in zip(range(2, n), inner, strict=True)}}
        roads = [(label[u], label[v], t, e) for u, v, t, e in roads]
        roads = [(v, u, t, e) if rng.random() < 0.5 else (u, v, t, e) for u, v, t, e in roads]
        rng.shuffle(roads)
    lines = [f"{n} {len(roads)} {k}"] + [f"{u} {v} {t} {e}" for u, v, t, e in roads]
    return {"input": "\n".join(lines) + "\n"}


def _road(rng: random.Random, u: int, v: int, max_t: int) -> Road:
    t = rng.randint(1, max_t)
    return (u, v, t, rng.randint(1, t))


def _random_map(rng: random.Random, n: int, m: int, max_t: int) -> list[Road]:
    """A random spanning tree (so everything is reachable) plus random extra roads."""
    roads = [_road(rng, i, rng.randint(max(1, i - 50), i - 1), max_t) for i in range(2, n + 1)]
    while len(roads) < m:
        u, v = rng.randint(1, n), rng.randint(1, n)
        if u != v:
            roads.append(_road(rng, u, v, max_t))
    return roads


def _traps(count: int, start: int) -> tuple[list[Road], int]:
    """`count` gadgets in a row from hub `start`: in each, a pass buys a quick arrival at the
    gadget's middle hub, but the road out of it is the one worth the pass. Returns the roads and
    the last hub."""
    roads: list[Road] = []
    hub = start
    for _ in range(count):
        a, b, out = hub + 1, hub + 2, hub + 3
        roads += [(hub, a, 50, 1), (hub, b, 2, 2), (b, a, 2, 2), (a, out, 1000, 1)]
        hub = out
    return roads, hub


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _text(1, 0, []),
        _text(1, 10, []),
        _text(2, 3, []),
        _text(2, 0, [(1, 2, 7, 3)]),
        _text(2, 1, [(2, 1, 7, 3)]),
        # Parallel roads: the best choice depends on whether a pass is left.
        _text(2, 1, [(1, 2, 10, 9), (1, 2, 20, 1)]),
        _text(3, 2, [(1, 2, 5, 5), (2, 3, 5, 5), (1, 3, 100, 1), (3, 2, 1, 1)]),
        # The whole route at express time, and k larger than any route.
        _text(5, 10, [(1, 2, 9, 1), (2, 3, 9, 1), (3, 4, 9, 1), (4, 5, 9, 1), (1, 5, 30, 30)]),
    ]
    roads, last = _traps(3, 1)
    tests.append(_text(last, 3, roads))
    tests.append(_text(last, 2, roads))
    for _ in range(4):
        n = rng.randint(2, 9)
        roads = _random_map(rng, n, rng.randint(n - 1, 3 * n), 20)
        tests.append(_text(n, rng.randint(0, 3), roads, rng))
    tests.append(_text(300, 4, _random_map(rng, 300, 900, 1000), rng))
    # Maximum sizes.
    tests.append(_text(MAX_N, 10, _random_map(rng, MAX_N, MAX_M, MAX_T), rng))
    tests.append(_text(MAX_N, 0, _random_map(rng, MAX_N, MAX_M, MAX_T), rng))
    tests.append(_text(MAX_N, 3, _random_map(rng, MAX_N, MAX_M, 100), rng))
    # A single long road chain at full times: the answer is about 10^10 (past 32 bits).
    tests.append(_text(MAX_N, 10, [(i, i + 1, MAX_T, MAX_T) for i in range(1, MAX_N)]))
    tests.append(_text(MAX_N, 10, [(i, i + 1, MAX_T, MAX_T - i % 7) for i in range(1, MAX_N)]))
    # Hub n cut off from a dense part: every reachable state is explored, then -1.
    cut = _random_map(rng, MAX_N - 1, MAX_M, MAX_T)
    tests.append(_text(MAX_N, 10, cut, rng))
    # Many traps followed by a random map: a per-hub shortcut fails early and often.
    roads, last = _traps(2000, 1)
    rest = _random_map(rng, MAX_N - last + 1, MAX_M - len(roads), MAX_T)
    roads += [(u + last - 1, v + last - 1, t, e) for u, v, t, e in rest]
    tests.append(_text(MAX_N, 10, roads))
    return tests
