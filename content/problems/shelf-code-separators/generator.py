"""Hidden tests for shelf-code-separators: leading zeros, value limits, maximum size.

Every test keeps within the promise of the statement (at most 20,000 codes), and within a search
of 250,000 steps for the plain backtracking that prunes on lengths only, so that the intended
solution is comfortably fast while enumerating all cut positions is not.
"""

from __future__ import annotations

import random
from typing import Any

MAX_LEN = 30
MAX_ANSWERS = 20_000
MAX_STEPS = 250_000


def _search_size(digits: str, parts: int, max_value: int) -> tuple[int, int]:
    """(answers, steps) of backtracking with length pruning; steps stop counting past the cap."""
    n = len(digits)
    widest = len(str(max_value))
    answers = steps = 0

    def search(start: int, left_parts: int) -> None:
        nonlocal answers, steps
        steps += 1
        if steps > MAX_STEPS:
            return
        if left_parts == 0:
            answers += start == n
            return
        if not left_parts <= n - start <= left_parts * widest:
            return
        for end in range(start + 1, min(n, start + widest) + 1):
            piece = digits[start:end]
            if (len(piece) > 1 and piece[0] == "0") or int(piece) > max_value:
                break
            search(end, left_parts - 1)

    search(0, parts)
    return answers, steps


def _test(digits: str, parts: int, max_value: int) -> dict[str, Any]:
    return {"args": {"digits": digits, "parts": parts, "max_value": max_value}}


def _random_case(
    rng: random.Random,
    n: int,
    parts: int,
    alphabet: str,
    max_values: list[int],
    min_answers: int = 0,
) -> dict[str, Any]:
    while True:
        digits = "".join(rng.choice(alphabet) for _ in range(n))
        max_value = rng.choice(max_values)
        answers, steps = _search_size(digits, parts, max_value)
        if min_answers <= answers <= MAX_ANSWERS and steps <= MAX_STEPS:
            return _test(digits, parts, max_value)


def generate(rng: random.Random) -> list[dict[str, Any]]:
    tests = [
        _test("0", 1, 0),
        _test("7", 1, 5),
        _test("00", 1, 100),
        _test("00", 2, 0),
        _test("1000000000", 1, 10**9),
        _test("1000000001", 1, 10**9),
        _test("1234", 2, 9),
        _test("25525511135", 4, 255),
        _test("010010", 4, 255),
        _test("3050", 3, 50),
    ]
    for _ in range(4):
        n = rng.randint(2, 10)
        parts = rng.randint(1, n)
        tests.append(_random_case(rng, n, parts, "0123456789", [9, 20, 99, 255, 1000], 1))
    # Maximum size with 11 to 15 parts: C(29, k - 1) is 2 * 10^7 to 8 * 10^7 ways to place the
    # separators, so trying every placement is far too slow.
    tests.append(_test("9" * MAX_LEN, 15, 99))
    tests.append(_random_case(rng, MAX_LEN, 15, "123456789", [120, 150, 199], 100))
    tests.append(_random_case(rng, MAX_LEN, 12, "0123456789", [255, 999], 500))
    tests.append(_random_case(rng, MAX_LEN, 14, "019", [10**4, 10**5, 10**9], 1000))
    tests.append(_random_case(rng, MAX_LEN, 13, "0001", [10**6, 10**9], 10))
    tests.append(_test("100001010010010110000010000010", 15, 10**9))
    tests.append(_test("1" * MAX_LEN, 3, 10**9))
    return tests
