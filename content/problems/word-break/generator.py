"""Hidden tests for word-break."""

from __future__ import annotations

import random
import string

N = 10**4


def _args(s: str, words: list[str]) -> dict:
    return {"args": {"s": s, "words": words}}


def _word(rng: random.Random, n: int, alphabet: str) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _vocab(rng: random.Random, count: int, alphabet: str, max_len: int) -> list[str]:
    words: set[str] = set()
    while len(words) < count:
        words.add(_word(rng, rng.randint(1, max_len), alphabet))
    return sorted(words, key=lambda w: rng.random())


def _joined(rng: random.Random, words: list[str], length: int) -> str:
    parts: list[str] = []
    total = 0
    while total < length:
        w = rng.choice(words)
        if total + len(w) > length:
            fitting = [x for x in words if total + len(x) <= length]
            if not fitting:
                break
            w = rng.choice(fitting)
        parts.append(w)
        total += len(w)
    return "".join(parts)


def generate(rng: random.Random) -> list[dict]:
    runs_of_a = ["a" * k for k in range(1, 21)]
    tests = [
        _args("a", ["a"]),
        _args("a", ["b"]),
        _args("abcd", ["ab", "abc", "cd"]),
        _args("aab", ["a", "aab"]),
        _args("catsandog", ["cats", "dog", "sand", "and", "cat"]),
        _args("z" * 20, ["z" * 20]),
        _args("z" * 21, ["z" * 20]),
    ]
    # Small random cases over a two-letter alphabet: many overlapping words.
    for _ in range(5):
        words = _vocab(rng, rng.randint(1, 6), "ab", 4)
        s = _joined(rng, words, rng.randint(1, 30))
        if rng.random() < 0.5:
            s += rng.choice("ab")
        tests.append(_args(s, words))
    for _ in range(2):
        words = _vocab(rng, 50, "abc", 6)
        tests.append(_args(_joined(rng, words, 500) + "c", words))
    # Maximum size.
    tests.append(_args("a" * (N - 1) + "b", runs_of_a))  # false; backtracking explodes
    tests.append(_args("a" * N, runs_of_a[1:]))  # true (even length)
    tests.append(_args("a" * (N - 1), ["a" * k for k in range(2, 21, 2)]))  # false, odd length
    words = _vocab(rng, 1000, string.ascii_lowercase, 20)
    tests.append(_args(_joined(rng, words, N), words))
    tests.append(_args(_joined(rng, words, N - 1) + "q" * 1, words))
    tests.append(_args("abcd" * (N // 4), ["ab", "abc", "cd", "dab"]))  # greedy-longest trap
    words = _vocab(rng, 1000, "ab", 12)
    s = _joined(rng, words, N - 5)
    tests.append(_args(s + "bbbbb", [w for w in words if "bbbbb" not in w]))
    return tests
