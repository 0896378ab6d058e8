"""Hidden tests for longest-substring-without-repeating: edge cases, random and maximum-size strings."""

from __future__ import annotations

import random
import string

PRINTABLE = "".join(chr(c) for c in range(32, 127))
MAX_LEN = 50_000


def _text(rng: random.Random, n: int, alphabet: str) -> str:
    return "".join(rng.choices(alphabet, k=n))


def generate(rng: random.Random) -> list[dict]:
    fixed = [
        "", "a", " ", "aa", "ab", "abba", "dvdf", "pwwkew", "bbbbb", "abcabcbb", "tmmzuxt",
        "a a", "aA", 'x"y\\z"', "abcdefgh", "abcddcbaefg", PRINTABLE, PRINTABLE + PRINTABLE[::-1],
    ]
    tests = [{"args": {"s": s}} for s in fixed]
    for alphabet in ("ab", "abc", string.ascii_lowercase, string.digits + " "):
        tests.append({"args": {"s": _text(rng, rng.randint(5, 60), alphabet)}})
    tests.append({"args": {"s": _text(rng, 2000, PRINTABLE)}})
    # Maximum size: all one character, the full alphabet repeated, random over several alphabets.
    tests.append({"args": {"s": "z" * MAX_LEN}})
    cycle = list(PRINTABLE)
    rng.shuffle(cycle)
    tests.append({"args": {"s": ("".join(cycle) * (MAX_LEN // len(cycle) + 1))[:MAX_LEN]}})
    tests.append({"args": {"s": _text(rng, MAX_LEN, PRINTABLE)}})
    tests.append({"args": {"s": _text(rng, MAX_LEN, string.ascii_lowercase)}})
    # A long repeat-free stretch hidden in the middle of a low-variety string.
    head = _text(rng, MAX_LEN // 2 - 60, "ab")
    tail = _text(rng, MAX_LEN - len(head) - len(PRINTABLE), "xy")
    tests.append({"args": {"s": head + PRINTABLE + tail}})
    return tests
