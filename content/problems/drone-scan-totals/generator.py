"""Hidden tests for drone-scan-totals: tiny floors, wall clipping, one-row and one-column floors,
corner traps and maximum-size floors with 200,000 flights."""

from __future__ import annotations

import random

MAX_A = 10**9
MAX_D = 10**9
MAX_Q = 200_000


def _text(grid: list[list[int]], flights: list[tuple[int, int, int]]) -> dict:
    lines = [f"{len(grid)} {len(grid[0])}"]
    lines += [" ".join(map(str, row)) for row in grid]
    lines.append(str(len(flights)))
    lines += [f"{r} {c} {d}" for r, c, d in flights]
    return {"input": "\n".join(lines) + "\n"}


def _grid(rng: random.Random, rows: int, cols: int, max_a: int) -> list[list[int]]:
    return [[rng.randint(0, max_a) for _ in range(cols)] for _ in range(rows)]


def _flights(
    rng: random.Random, rows: int, cols: int, q: int, max_d: int
) -> list[tuple[int, int, int]]:
    """Mostly small radii (squares inside the floor), some clipped, some covering everything."""
    out = []
    for _ in range(q):
        roll = rng.random()
        if roll < 0.6:
            d = rng.randint(0, max(0, min(max_d, max(rows, cols) // 4)))
        elif roll < 0.9:
            d = rng.randint(0, max_d)
        else:
            d = MAX_D - rng.randint(0, 5)
        out.append((rng.randint(1, rows), rng.randint(1, cols), d))
    return out


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _text([[0]], [(1, 1, 0), (1, 1, MAX_D)]),
        _text([[MAX_A]], [(1, 1, 0), (1, 1, 1), (1, 1, MAX_D)]),
        # Every square inside the floor and away from the top and left walls: the corner term
        # matters for each of them.
        _text(
            [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [11, 12, 13, 14, 15], [16, 17, 18, 19, 20]],
            [(3, 3, 1), (4, 4, 0), (3, 4, 1), (2, 2, 0), (2, 3, 1), (4, 5, 2), (3, 3, 2)],
        ),
        # Exact fits: the square touches the walls without crossing them, or crosses by one.
        _text(_grid(rng, 5, 5, 9), [(3, 3, 2), (3, 3, 3), (1, 1, 4), (5, 5, 4), (2, 4, 1)]),
    ]
    for _ in range(5):
        rows, cols = rng.randint(1, 12), rng.randint(1, 12)
        tests.append(
            _text(_grid(rng, rows, cols, 50), _flights(rng, rows, cols, rng.randint(1, 30), 15))
        )
    tests.append(_text(_grid(rng, 60, 40, 1000), _flights(rng, 60, 40, 3000, 80)))
    # Maximum sizes.
    tests.append(_text(_grid(rng, 500, 500, MAX_A), _flights(rng, 500, 500, MAX_Q, 600)))
    tests.append(
        _text(
            [[MAX_A] * 500 for _ in range(500)],
            [(rng.randint(1, 500), rng.randint(1, 500), MAX_D) for _ in range(MAX_Q)],
        )
    )
    tests.append(_text(_grid(rng, 1, 250_000, MAX_A), _flights(rng, 1, 250_000, MAX_Q, 300_000)))
    column = _grid(rng, 250_000, 1, MAX_A)
    tests.append(_text(column, _flights(rng, 250_000, 1, MAX_Q, 300_000)))
    tests.append(_text(_grid(rng, 400, 625, 1), _flights(rng, 400, 625, MAX_Q, 700)))
    tests.append(
        _text(
            _grid(rng, 500, 500, MAX_A),
            [(rng.randint(1, 500), rng.randint(1, 500), 0) for _ in range(MAX_Q)],
        )
    )
    return tests
