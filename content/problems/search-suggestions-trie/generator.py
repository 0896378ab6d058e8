"""Hidden tests for search-suggestions-trie (stdio)."""

from __future__ import annotations

import itertools
import random
import string

N = 10**5


def _input(names: list[str], queries: list[str]) -> dict:
    lines = [str(len(names)), *names, str(len(queries)), *queries]
    return {"input": "\n".join(lines) + "\n"}


def _names(rng: random.Random, count: int, alphabet: str, max_len: int) -> list[str]:
    """count distinct names, mostly long (few collisions), some of them only 1-3 letters."""
    seen: dict[str, None] = {}
    while len(seen) < count:
        need = count - len(seen)
        lengths = [
            rng.randint(1, 3) if rng.random() < 0.05 else rng.randint(max(1, max_len - 4), max_len)
            for _ in range(need)
        ]
        letters = "".join(rng.choices(alphabet, k=sum(lengths)))
        start = 0
        for length in lengths:
            seen[letters[start : start + length]] = None
            start += length
    names = list(seen)[:count]
    rng.shuffle(names)
    return names


def _queries(rng: random.Random, names: list[str], count: int, alphabet: str) -> list[str]:
    queries = []
    for _ in range(count):
        if rng.random() < 0.8:
            name = rng.choice(names)
            queries.append(name[: rng.randint(1, len(name))])
        else:
            queries.append("".join(rng.choices(alphabet, k=rng.randint(1, 6))))
    return queries


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _input(["a"], ["a"]),
        _input(["a"], ["b"]),
        _input(["b"], ["a"]),
        _input(["ab"], ["abc"]),
        _input(["ab", "a", "abc", "abcd"], ["a", "ab", "abc", "abcd", "abcde", "b"]),
        _input(["zz", "zy", "zx", "zw", "y"], ["z", "zz", "y", "x"]),
        # The second and third names after the search position start differently.
        _input(["car", "cat", "dog", "door"], ["cat", "ca", "do", "doo", "c", "d"]),
    ]
    for _ in range(5):
        names = _names(rng, rng.randint(1, 12), "abc", 4)
        tests.append(_input(names, _queries(rng, names, rng.randint(1, 15), "abc")))
    for _ in range(3):
        names = _names(rng, rng.randint(500, 3000), string.ascii_lowercase, 8)
        tests.append(_input(names, _queries(rng, names, 2000, string.ascii_lowercase)))
    # Maximum size: scanning every name for every query is 10^10 prefix checks.
    names = _names(rng, N, "abcd", 12)
    tests.append(_input(names, _queries(rng, names, N, "abcd")))
    names = _names(rng, N, string.ascii_lowercase, 10)
    tests.append(_input(names, _queries(rng, names, N, string.ascii_lowercase)))
    # Every name shares a long prefix: many queries match all of them.
    names = ["qqqqqqqq" + "".join(bits) for bits in itertools.product("ab", repeat=12)]
    rng.shuffle(names)
    tests.append(_input(names, ["q" * rng.randint(1, 12) for _ in range(N)]))
    # No query matches anything.
    names = ["".join(t) for t in itertools.product("xyz", repeat=11)]
    tests.append(_input(rng.sample(names, N), ["a" * 20] * N))
    return tests
