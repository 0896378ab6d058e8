"""Hidden tests for nested-pick-list-counts: single letters, multi-digit multipliers, products
reaching 10^18, very deep nesting and random lists of maximum length."""

from __future__ import annotations

import random
import string

MAX_LEN = 200_000
MAX_ITEMS = 10**18
#: Random lists keep every product of open groups below this, so that even 200,000 letters all
#: at the deepest level stay within MAX_ITEMS.
PRODUCT_CAP = 5 * 10**12
LETTERS = string.ascii_uppercase


def _expanded_length(s: str) -> int:
    """The number of items s stands for (to check the generated lists against the limit)."""
    total, factor, number, saved = 0, 1, 0, []
    for ch in s:
        if ch.isdigit():
            number = number * 10 + int(ch)
        elif ch == "(":
            saved.append(factor)
            factor *= number
            number = 0
        elif ch == ")":
            factor = saved.pop()
        else:
            total += factor
    return total


def _text(s: str) -> dict:
    assert 1 <= len(s) <= MAX_LEN and _expanded_length(s) <= MAX_ITEMS
    return {"input": s + "\n"}


def _random_list(rng: random.Random, length: int, letters: str, max_k: int, p_open: float) -> str:
    """A random valid list of about `length` characters; every group holds a letter."""
    parts: list[str] = []
    factors = [1]  # product of the open groups, innermost last
    has_letter = [True]  # whether each open group already holds a letter
    size = 0
    while size < length - 2 * len(factors) - 12:
        roll = rng.random()
        if roll < p_open and factors[-1] < PRODUCT_CAP:
            k = rng.randint(1, min(max_k, PRODUCT_CAP // factors[-1]))
            token = f"{k}("
            factors.append(factors[-1] * k)
            has_letter.append(False)
        elif roll < 2 * p_open and len(factors) > 1 and has_letter[-1]:
            token = ")"
            factors.pop()
            has_letter.pop()
        else:
            token = rng.choice(letters)
            has_letter[-1] = True
        parts.append(token)
        size += len(token)
    while len(factors) > 1:
        if not has_letter[-1]:
            parts.append(rng.choice(letters))
        parts.append(")")
        factors.pop()
        has_letter.pop()
    return "".join(parts)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _text("A"),
        _text("Z"),
        _text("1(M)"),
        _text(LETTERS),
        _text("ZYXWVUTSRQPONMLKJIHGFEDCBA" * 3),
        _text("10(A)100(B)1000(C)9(D)"),
        _text("3(A)4(B)5(AB)2(2(2(C)))"),
        _text("10(" * 18 + "K" + ")" * 18),  # exactly 10^18 items
        _text("999999999(" + LETTERS + ")"),
        _text("100000000(1000000000(A))1000000000(B)"),
    ]
    for _ in range(4):
        tests.append(_text(_random_list(rng, rng.randint(5, 40), "ABCDE", 12, 0.3)))
    tests.append(_text(_random_list(rng, 2000, LETTERS, 10**9, 0.2)))
    # Maximum length.
    tests.append(_text(_random_list(rng, MAX_LEN, LETTERS, 9, 0.3)))
    tests.append(_text(_random_list(rng, MAX_LEN, LETTERS, 10**9, 0.1)))
    tests.append(_text("".join(rng.choice(LETTERS) for _ in range(MAX_LEN))))
    depth = (MAX_LEN - 1) // 3
    tests.append(_text("1(" * depth + "Q" + ")" * depth))  # 66,666 levels
    tests.append(_text("2(" * 59 + "1(" * (depth - 59) + "W" + ")" * depth))
    levels = (MAX_LEN - 1) // 4
    tests.append(_text("1(A" * levels + ")" * levels))
    group = "999999999(XY)"
    tests.append(_text(group * (MAX_LEN // len(group))))
    return tests
