"""Hidden tests for daily-temperatures: edge cases, random cases and maximum-size cases."""

from __future__ import annotations

import random

LOW, HIGH = -50, 60
MAX_N = 100_000


def _random(rng: random.Random, n: int, low: int = LOW, high: int = HIGH) -> dict:
    return {"args": {"temperatures": [rng.randint(low, high) for _ in range(n)]}}


def generate(rng: random.Random) -> list[dict]:
    tests = [
        {"args": {"temperatures": [20]}},
        {"args": {"temperatures": [LOW, HIGH]}},
        {"args": {"temperatures": [HIGH, LOW]}},
        {"args": {"temperatures": [7, 7, 7, 7]}},
        {"args": {"temperatures": [5, 5, 6, 5, 5, 6]}},
        {"args": {"temperatures": [3, 1, 2, 1, 4, 0, 4]}},
        {"args": {"temperatures": list(range(LOW, HIGH + 1))}},
        {"args": {"temperatures": list(range(HIGH, LOW - 1, -1))}},
    ]
    tests += [_random(rng, rng.randint(2, 12), 0, 5) for _ in range(5)]
    tests += [_random(rng, rng.randint(100, 3000)) for _ in range(3)]
    # Maximum size. All equal (no day ever sees a warmer one, quadratic scans run to the end),
    # a slowly falling sawtooth with a single warm day at the end, and a random list.
    tests.append({"args": {"temperatures": [12] * MAX_N}})
    saw = [HIGH - 1 - (i * (HIGH - LOW - 1)) // MAX_N for i in range(MAX_N - 1)]
    tests.append({"args": {"temperatures": [*saw, HIGH]}})
    tests.append(_random(rng, MAX_N))
    tests.append(_random(rng, MAX_N, 0, 3))
    return tests
