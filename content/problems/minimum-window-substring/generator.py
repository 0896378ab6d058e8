"""Hidden tests for minimum-window-substring: edge cases, random cases and maximum-size cases."""

from __future__ import annotations

import random
import string

MAX_N = 100_000
LETTERS = string.ascii_letters


def _word(rng: random.Random, n: int, alphabet: str) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def generate(rng: random.Random) -> list[dict]:
    tests = [
        {"args": {"s": "a", "t": "a"}},
        {"args": {"s": "a", "t": "b"}},
        {"args": {"s": "a", "t": "aa"}},
        {"args": {"s": "aA", "t": "A"}},
        {"args": {"s": "Aa", "t": "aA"}},
        {"args": {"s": "bab", "t": "b"}},
        {"args": {"s": "abba", "t": "ab"}},
        {"args": {"s": "aabbaab", "t": "aabb"}},
        {"args": {"s": "xyz", "t": "zyxw"}},
        {"args": {"s": "cabwefgewcwaefgcf", "t": "cae"}},
    ]
    for _ in range(8):
        alphabet = LETTERS[: rng.randint(2, 4)]
        tests.append(
            {
                "args": {
                    "s": _word(rng, rng.randint(1, 14), alphabet),
                    "t": _word(rng, rng.randint(1, 4), alphabet),
                }
            }
        )
    for _ in range(3):
        alphabet = LETTERS[: rng.randint(3, 20)]
        tests.append(
            {
                "args": {
                    "s": _word(rng, rng.randint(500, 5000), alphabet),
                    "t": _word(rng, rng.randint(2, 60), alphabet),
                }
            }
        )
    # Maximum size. The first two make every start walk to the end in a quadratic scan.
    tests.append({"args": {"s": "a" * (MAX_N - 1) + "b", "t": "ab"}})
    tests.append({"args": {"s": "a" * MAX_N, "t": "b"}})
    tests.append({"args": {"s": _word(rng, MAX_N, LETTERS), "t": _word(rng, 300, LETTERS)}})
    tests.append({"args": {"s": _word(rng, MAX_N, "abc"), "t": "a" * 20 + "b" * 10 + "c"}})
    half = _word(rng, MAX_N // 2, "xyz")
    tests.append({"args": {"s": half + "Q" + half[::-1], "t": "xQz" * 3}})
    tests.append({"args": {"s": _word(rng, MAX_N, LETTERS), "t": _word(rng, MAX_N, LETTERS)}})
    return tests
