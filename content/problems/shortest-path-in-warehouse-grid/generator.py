"""Hidden tests for shortest-path-in-warehouse-grid: edge cases, walls, random and maximum grids."""

from __future__ import annotations

import random


def _place(rng: random.Random, cells: list[list[str]], start=None, end=None) -> list[str]:
    rows, cols = len(cells), len(cells[0])
    spots = [(r, c) for r in range(rows) for c in range(cols)]
    start = start or rng.choice(spots)
    end = end or rng.choice([p for p in spots if p != start])
    cells[start[0]][start[1]] = "S"
    cells[end[0]][end[1]] = "E"
    return ["".join(row) for row in cells]


def _random(
    rng: random.Random, rows: int, cols: int, density: float, start=None, end=None
) -> list[str]:
    cells = [["#" if rng.random() < density else "." for _ in range(cols)] for _ in range(rows)]
    return _place(rng, cells, start, end)


def _walls(rows: int, cols: int, every: int) -> list[str]:
    """Full-height pallet walls every `every` columns: one push per wall is unavoidable."""
    cells = [["#" if c % every == every - 1 else "." for c in range(cols)] for _ in range(rows)]
    cells[0][0] = "S"
    cells[rows - 1][cols - 1] = "E"
    return ["".join(row) for row in cells]


def _serpentine(rows: int, cols: int) -> list[str]:
    """A winding corridor whose walls are one pallet thick: pushes cut the detours short."""
    cells = [["." for _ in range(cols)] for _ in range(rows)]
    for r in range(1, rows, 2):
        gap = cols - 1 if (r // 2) % 2 == 0 else 0
        for c in range(cols):
            if c != gap:
                cells[r][c] = "#"
    cells[0][0] = "S"
    cells[rows - 1 - (rows - 1) % 2][cols - 1] = "E"
    return ["".join(row) for row in cells]


def generate(rng: random.Random) -> list[dict]:
    tests = [
        {"args": {"grid": ["SE"], "k": 0}},
        {"args": {"grid": ["S", "#", "E"], "k": 0}},
        {"args": {"grid": ["S", "#", "E"], "k": 1}},
        {"args": {"grid": ["S#..#E", "...###"], "k": 1}},
        {"args": {"grid": ["S.#.", "..#.", "###.", "...E"], "k": 0}},
        {"args": {"grid": ["S##.##E"], "k": 3}},
        {"args": {"grid": ["S##.##E"], "k": 4}},
        {"args": {"grid": ["E....", ".####", ".#..#", ".#S.#", ".####"], "k": 0}},
        {"args": {"grid": ["#####", "#.S.#", "#####", "#####", "E####"], "k": 3}},
        {"args": {"grid": ["#####", "#.S.#", "#####", "#####", "E####"], "k": 4}},
    ]
    # Small and medium random grids, where a wasted early push is a common trap.
    for _ in range(3):
        rows, cols = rng.randint(4, 12), rng.randint(4, 12)
        tests.append({"args": {"grid": _random(rng, rows, cols, 0.35), "k": rng.randint(0, 3)}})
    for _ in range(4):
        rows, cols = rng.randint(10, 40), rng.randint(10, 40)
        tests.append(
            {
                "args": {
                    "grid": _random(rng, rows, cols, rng.uniform(0.3, 0.6)),
                    "k": rng.randint(0, 8),
                }
            }
        )
    tests.append({"args": {"grid": _walls(100, 100, 5), "k": 19}})
    tests.append({"args": {"grid": _walls(100, 100, 5), "k": 18}})
    tests.append({"args": {"grid": _serpentine(100, 100), "k": 10}})
    # Maximum size: dense pallets, far corners, so the push budget matters everywhere.
    for density, k in ((0.45, 20), (0.6, 20), (0.3, 5)):
        tests.append({"args": {"grid": _random(rng, 100, 100, density, (0, 0), (99, 99)), "k": k}})
    tests.append({"args": {"grid": _random(rng, 100, 100, 0.5, (0, 50), (99, 50)), "k": 0}})
    return tests
