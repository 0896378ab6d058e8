"""Hidden tests for group-anagrams: multiplicities, repeats, empty words and maximum size."""

from __future__ import annotations

import random
import string

MAX_N = 20_000
MAX_LEN = 50
LETTERS = string.ascii_lowercase


def _word(rng: random.Random, length: int, alphabet: str = LETTERS) -> str:
    return "".join(rng.choices(alphabet, k=length))


def _shuffled(rng: random.Random, word: str) -> str:
    chars = list(word)
    rng.shuffle(chars)
    return "".join(chars)


def _groups(rng: random.Random, bases: list[str], n: int) -> list[str]:
    """n words, each a random rearrangement of one of the bases."""
    return [_shuffled(rng, rng.choice(bases)) for _ in range(n)]


def generate(rng: random.Random) -> list[dict]:
    fixed = [
        ["a"],
        [""],
        ["", ""],
        ["ab", "ba"],
        ["ab", "cd"],
        ["aab", "abb", "bab", "aba", "baa", "bba"],
        ["listen", "tea", "silent", "eat", "enlist", "tan"],
        ["abc", "abc", "cba", "abc"],
        ["zz", "z", "zzz", "z", ""],
        ["abcd", "dcba", "abce", "aabcd", "bcda"],
    ]
    tests = [{"args": {"words": w}} for w in fixed]
    # Small: tiny alphabets force near-miss words like "aab"/"abb".
    for _ in range(4):
        bases = [_word(rng, rng.randint(0, 4), "ab") for _ in range(rng.randint(1, 5))]
        tests.append({"args": {"words": _groups(rng, bases, rng.randint(1, 15))}})
    bases = [_word(rng, rng.randint(1, 12), "abcde") for _ in range(80)]
    tests.append({"args": {"words": _groups(rng, bases, 600)}})
    # Maximum size: almost all singletons (long random words), and a few huge groups.
    tests.append({"args": {"words": [_word(rng, MAX_LEN) for _ in range(MAX_N)]}})
    singles = [_word(rng, rng.randint(20, 40)) for _ in range(MAX_N // 2)]
    tests.append({"args": {"words": singles + [_shuffled(rng, w) for w in singles]}})
    bases = [_word(rng, MAX_LEN) for _ in range(5)]
    tests.append({"args": {"words": _groups(rng, bases, MAX_N)}})
    # Maximum size with short words over a small alphabet: many multiplicity near-misses.
    tests.append({"args": {"words": [_word(rng, rng.randint(0, 6), "abc") for _ in range(MAX_N)]}})
    return tests
