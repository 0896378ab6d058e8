"""Hidden tests for edit-distance."""

from __future__ import annotations

import random
import string

N = 2000


def _args(source: str, target: str) -> dict:
    return {"args": {"source": source, "target": target}}


def _word(rng: random.Random, n: int, alphabet: str = string.ascii_lowercase) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _mutate(rng: random.Random, s: str, edits: int) -> str:
    chars = list(s)
    for _ in range(edits):
        op = rng.randrange(3)
        if op == 0 or not chars:
            chars.insert(rng.randint(0, len(chars)), rng.choice(string.ascii_lowercase))
        elif op == 1:
            chars.pop(rng.randrange(len(chars)))
        else:
            chars[rng.randrange(len(chars))] = rng.choice(string.ascii_lowercase)
    return "".join(chars)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _args("", ""),
        _args("a", ""),
        _args("", "z"),
        _args("same", "same"),
        _args("abc", "cab"),
        _args("intention", "execution"),
        _args("abcdef", "azced"),
        _args("x" * N, ""),
        _args("", "y" * N),
    ]
    # Small random cases on a tiny alphabet: many near-ties between the three operations.
    for _ in range(5):
        tests.append(
            _args(_word(rng, rng.randint(0, 10), "ab"), _word(rng, rng.randint(0, 10), "ab"))
        )
    for _ in range(3):
        s = _word(rng, rng.randint(20, 300))
        tests.append(_args(s, _mutate(rng, s, rng.randint(1, 30))))
    # Maximum size: the exponential recursion never finishes these.
    tests.append(_args(_word(rng, N), _word(rng, N)))
    tests.append(_args(_word(rng, N, "ab"), _word(rng, N, "ab")))
    base = _word(rng, N)
    tests.append(_args(base, _mutate(rng, base, 150)[:N]))
    tests.append(_args("a" * N, "b" * N))
    tests.append(_args("a" * N, "a" * N))
    tests.append(_args(_word(rng, N), _word(rng, 1)))
    tests.append(_args(_word(rng, 37, "abc") * 54, _word(rng, 41, "abc") * 48))
    return tests
