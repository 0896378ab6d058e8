"""Hidden tests for package-build-waves: self-loops, repeats, shortcut traps, cycles, chains."""

from __future__ import annotations

import random

MAX_N = 200_000
MAX_M = 200_000


def _text(n: int, deps: list[tuple[int, int]], rng: random.Random | None = None) -> dict:
    """The dependencies `a b` as input text; with rng, package numbers and line order shuffled."""
    if rng is not None:
        label = list(range(1, n + 1))
        rng.shuffle(label)
        deps = [(label[a - 1], label[b - 1]) for a, b in deps]
        rng.shuffle(deps)
    assert 1 <= n <= MAX_N and len(deps) <= MAX_M
    lines = [f"{n} {len(deps)}"] + [f"{a} {b}" for a, b in deps]
    return {"input": "\n".join(lines) + "\n"}


def _random_dag(rng: random.Random, n: int, m: int, reach: int) -> list[tuple[int, int]]:
    """m dependencies where a package needs one of the `reach` packages numbered just below it
    (small reach: long chains and many waves)."""
    deps = []
    for _ in range(m):
        a = rng.randint(2, n)
        deps.append((a, a - rng.randint(1, min(reach, a - 1))))
    return deps


def _chain_with_shortcuts(rng: random.Random, n: int, m: int) -> list[tuple[int, int]]:
    """A chain 1 <- 2 <- ... <- n plus shortcuts that reach far back: the first time a BFS
    reaches a package is much earlier than its real wave."""
    deps = [(i + 1, i) for i in range(1, n)]
    while len(deps) < m:
        a = rng.randint(2, n)
        deps.append((a, rng.randint(1, a - 1)))
    return deps


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _text(1, []),
        _text(1, [(1, 1)]),  # a package that needs itself
        _text(2, [(1, 2), (1, 2), (1, 2)]),  # repeats
        _text(2, [(1, 2), (2, 1)]),
        _text(3, [(3, 3), (2, 1)]),
        _text(4, [(2, 1), (3, 2), (4, 3), (4, 1), (3, 1)]),  # shortcuts
        _text(5, [(2, 1), (3, 2), (2, 3), (4, 2)]),  # cycle reachable from package 1
        _text(6, [(2, 1), (3, 1), (4, 2), (4, 3), (5, 4), (6, 5), (6, 1)]),
        _text(5, [(1, 2), (2, 3), (3, 4), (4, 5), (5, 1)]),  # one ring, no start at all
    ]
    for _ in range(4):
        n = rng.randint(2, 12)
        tests.append(_text(n, _random_dag(rng, n, rng.randint(0, 2 * n), 4), rng))
    for _ in range(2):  # small graphs with one extra dependency that may close a cycle
        n = rng.randint(3, 12)
        deps = _random_dag(rng, n, 2 * n, 3)
        deps.append((rng.randint(1, n - 1), n))
        tests.append(_text(n, deps, rng))
    tests.append(_text(3000, _chain_with_shortcuts(rng, 3000, 6000), rng))
    n = MAX_N
    chain = [(i + 1, i) for i in range(1, n)]
    tests.append(_text(n, chain))  # n waves, in order
    tests.append(_text(n, chain, rng))  # n waves, shuffled
    tests.append(_text(n, [*chain, (1, n)], rng))  # one ring of all packages
    tests.append(_text(n, [(i, 1) for i in range(2, n + 1)], rng))  # a star: 2 waves
    tests.append(_text(n, []))  # one wave
    tests.append(_text(n, _chain_with_shortcuts(rng, n, MAX_M), rng))
    tests.append(_text(n, _random_dag(rng, n, MAX_M, 50), rng))
    tests.append(_text(n, _random_dag(rng, n, MAX_M, 3), rng))
    deps = _random_dag(rng, n, MAX_M - 1, 5)
    tests.append(_text(n, [*deps, (deps[0][1], deps[0][0])], rng))  # one 2-cycle among many
    tests.append(_text(n, [(a, a) if a == n // 2 else (a, b) for a, b in chain], rng))
    return tests
