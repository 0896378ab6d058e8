"""Hidden tests for robot-placements-no-conflict: tiny floors, pillar patterns, maximum size."""

from __future__ import annotations

import random
from typing import Any

MAX_N = 11


def _test(rows: list[str]) -> dict[str, Any]:
    return {"args": {"floor": rows}}


def _random_floor(rng: random.Random, n: int, pillar_share: float) -> list[str]:
    def row() -> str:
        return "".join("#" if rng.random() < pillar_share else "." for _ in range(n))

    return [row() for _ in range(n)]


def generate(rng: random.Random) -> list[dict[str, Any]]:
    tests = [
        _test(["."]),
        _test(["#"]),
        _test(["..", ".."]),
        _test([".#..", "....", "....", "...."]),
        _test(["....."] * 5),
        _test(["......"] * 6),
        _test(["........"] * 8),
        # A row of pillars leaves no way at all.
        _test(["......."] * 3 + ["#######"] + ["......."] * 3),
        # Pillars on the main diagonal.
        _test(["".join("#" if r == c else "." for c in range(8)) for r in range(8)]),
    ]
    for _ in range(3):
        n = rng.randint(4, 8)
        tests.append(_test(_random_floor(rng, n, 0.2)))
    # Maximum size: the empty floor has the most plans; sparse pillars prune a little.
    tests.append(_test(["." * MAX_N] * MAX_N))
    tests.append(_test(_random_floor(rng, MAX_N, 0.05)))
    tests.append(_test(_random_floor(rng, MAX_N, 0.15)))
    tests.append(_test(_random_floor(rng, MAX_N, 0.3)))
    # A single pillar in a corner and one in the centre.
    corner = ["." * MAX_N for _ in range(MAX_N)]
    corner[0] = "#" + "." * (MAX_N - 1)
    tests.append(_test(corner))
    centre = ["." * MAX_N for _ in range(MAX_N)]
    mid = MAX_N // 2
    centre[mid] = "." * mid + "#" + "." * (MAX_N - mid - 1)
    tests.append(_test(centre))
    # The last row all pillars but one cell: the search must still reach the bottom to know.
    last = ["." * MAX_N for _ in range(MAX_N)]
    last[-1] = "#" * (MAX_N - 1) + "."
    tests.append(_test(last))
    return tests
