"""Hidden tests for binary-label-ink: tiny n, powers of two and their neighbours, maximum n."""

from __future__ import annotations

import random
from typing import Any

MAX_N = 10**15


def generate(rng: random.Random) -> list[dict[str, Any]]:
    values = [0, 1, 2, 3, 4, 7, 8, 100]
    values += [2**31 - 1, 2**31, 2**32 - 1, 2**32, 2**32 + 1]
    values += [2**49 - 1, 2**49, MAX_N, MAX_N - 1]
    values += [rng.randint(5, 10**4) for _ in range(3)]
    values += [rng.randint(10**6, 10**9) for _ in range(2)]
    values += [rng.randint(2**40, MAX_N) for _ in range(3)]
    return [{"args": {"n": n}} for n in values]
