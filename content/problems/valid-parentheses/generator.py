"""Hidden tests for valid-parentheses: edge cases, random and maximum-size strings."""

from __future__ import annotations

import random

PAIRS = {"(": ")", "[": "]", "{": "}"}
OPENERS = "([{"
MAX_LEN = 10_000


def _balanced(rng: random.Random, n: int, depth_bias: float = 0.5) -> str:
    """A random balanced string of even length n; depth_bias is the chance of opening."""
    out: list[str] = []
    stack: list[str] = []
    for i in range(n):
        remaining = n - i
        if stack and (len(stack) == remaining or rng.random() > depth_bias):
            out.append(PAIRS[stack.pop()])
        else:
            ch = rng.choice(OPENERS)
            stack.append(ch)
            out.append(ch)
    return "".join(out)


def _corrupt(rng: random.Random, s: str) -> str:
    """Change one character so the string is (almost always) unbalanced."""
    i = rng.randrange(len(s))
    choices = [c for c in "()[]{}" if c != s[i]]
    return s[:i] + rng.choice(choices) + s[i + 1 :]


def generate(rng: random.Random) -> list[dict]:
    fixed = [
        "(", ")", "()", ")(", "[]", "{}", "([)]", "{[()()]}", "((", "))", "(]", "([]{})",
        "{[]}(", "(((((((((())))))))))", "[({})](]", "()" * 20 + "}",
    ]
    tests = [{"args": {"s": s}} for s in fixed]
    for _ in range(4):
        tests.append({"args": {"s": _balanced(rng, 2 * rng.randint(1, 30))}})
    for _ in range(4):
        tests.append({"args": {"s": _corrupt(rng, _balanced(rng, 2 * rng.randint(1, 30)))}})
    # Same counts per type, wrong order: counting is not enough.
    tests.append({"args": {"s": "([{" * 50 + ")]}" * 50}})
    # Maximum size: deep nesting, shallow sequences, a late mistake, and odd length.
    half = MAX_LEN // 2
    deep = "".join(rng.choice(OPENERS) for _ in range(half))
    closing = "".join(PAIRS[c] for c in reversed(deep))
    tests.append({"args": {"s": deep + closing}})
    tests.append({"args": {"s": _balanced(rng, MAX_LEN, 0.5)}})
    late = _balanced(rng, MAX_LEN, 0.6)
    tests.append({"args": {"s": late[:-1] + ("]" if late[-1] != "]" else ")")}})
    tests.append({"args": {"s": "(" * MAX_LEN}})
    tests.append({"args": {"s": _balanced(rng, MAX_LEN - 2) + "{"}})
    return tests
