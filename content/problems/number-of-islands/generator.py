"""Hidden tests for number-of-islands: edge cases, tricky shapes, random and maximum-size maps."""

from __future__ import annotations

import random


def _random(rng: random.Random, rows: int, cols: int, land_percent: int) -> list[str]:
    table = "1" * land_percent + "0" * (100 - land_percent)
    return ["".join(rng.choices(table, k=cols)) for _ in range(rows)]


def _checkerboard(rows: int, cols: int) -> list[str]:
    return ["".join("1" if (r + c) % 2 == 0 else "0" for c in range(cols)) for r in range(rows)]


def _snake(rows: int, cols: int) -> list[str]:
    """One long winding island: full land rows joined alternately at the right and left ends."""
    grid = []
    for r in range(rows):
        if r % 2 == 0:
            grid.append("1" * cols)
        elif (r // 2) % 2 == 0:
            grid.append("0" * (cols - 1) + "1")
        else:
            grid.append("1" + "0" * (cols - 1))
    return grid


def _comb(rows: int, cols: int) -> list[str]:
    """Vertical teeth hanging from a spine on the bottom row: many top-left corners, one island."""
    return ["".join("1" if c % 2 == 0 else "0" for c in range(cols)) for _ in range(rows - 1)] + [
        "1" * cols
    ]


def generate(rng: random.Random) -> list[dict]:
    grids = [
        ["1"],
        ["0"],
        ["10"],
        ["01", "11"],
        ["101", "010", "101"],
        ["1011101"],
        ["1", "0", "1", "1"],
        ["111", "101", "111"],
        ["0110", "1001", "1001", "0110"],
        _comb(6, 7),
        _snake(9, 8),
    ]
    grids += [
        _random(rng, rng.randint(1, 8), rng.randint(1, 8), rng.choice((30, 50, 70)))
        for _ in range(4)
    ]
    grids += [
        _random(rng, rng.randint(50, 300), rng.randint(50, 300), rng.choice((40, 55, 60)))
        for _ in range(3)
    ]
    # Maximum size: half a million islands, one island of a million cells (deep recursion),
    # a long winding island, a dense random map near the percolation threshold and a comb.
    grids += [
        _checkerboard(1000, 1000),
        ["1" * 1000] * 1000,
        _snake(1000, 1000),
        _random(rng, 1000, 1000, 59),
        _comb(1000, 1000),
        _random(rng, 1, 1000, 50),
    ]
    return [{"args": {"grid": grid}} for grid in grids]
