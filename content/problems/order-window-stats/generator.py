"""Hidden tests for order-window-stats: empty windows, orders exactly W seconds old, a maximum
that expires while smaller orders remain, and maximum-size streams."""

from __future__ import annotations

import random

MAX_Q = 200_000
MAX_T = 10**9
MAX_V = 10**9

Op = tuple[str, int, int]  # ("order", t, v) or ("stats", t, 0)


def _text(window: int, ops: list[Op]) -> dict:
    assert any(kind == "stats" for kind, _, _ in ops)
    lines = [f"{len(ops)} {window}"]
    lines += [f"order {t} {v}" if kind == "order" else f"stats {t}" for kind, t, v in ops]
    return {"input": "\n".join(lines) + "\n"}


def _random_ops(
    rng: random.Random, q: int, max_step: int, p_stats: float, max_v: int, start: int = 0
) -> list[Op]:
    """Times grow by 0..max_step between operations (often 0: several operations per second)."""
    ops: list[Op] = []
    t = start
    for _ in range(q):
        if rng.random() < 0.5:
            t = min(MAX_T, t + rng.randint(0, max_step))
        if rng.random() < p_stats:
            ops.append(("stats", t, 0))
        else:
            ops.append(("order", t, rng.randint(1, max_v)))
    if not any(kind == "stats" for kind, _, _ in ops):
        ops[-1] = ("stats", ops[-1][1], 0)
    return ops


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _text(5, [("stats", 0, 0)]),
        _text(1, [("order", 0, 1), ("stats", 0, 0), ("stats", 1, 0)]),
        # An order exactly W seconds old has left; one second younger is still in.
        _text(10, [("order", 5, 7), ("stats", 14, 0), ("stats", 15, 0), ("stats", 16, 0)]),
        _text(
            MAX_T,
            [
                ("order", 0, MAX_V),
                ("stats", MAX_T - 1, 0),
                ("order", MAX_T, 1),
                ("stats", MAX_T, 0),
            ],
        ),
        # The maximum expires while smaller orders remain, twice.
        _text(
            4,
            [
                ("order", 1, 50),
                ("order", 2, 10),
                ("order", 3, 30),
                ("order", 3, 20),
                ("stats", 4, 0),
                ("stats", 5, 0),
                ("stats", 6, 0),
                ("stats", 7, 0),
            ],
        ),
        # Equal values: the deque must keep one of them alive after the other expires.
        _text(
            3, [("order", 1, 9), ("order", 2, 9), ("stats", 3, 0), ("stats", 4, 0), ("stats", 5, 0)]
        ),
        # Many orders in one second.
        _text(
            1,
            [("order", 7, v) for v in (3, 1, 4, 1, 5, 9, 2, 6)]
            + [("stats", 7, 0), ("stats", 8, 0)],
        ),
    ]
    for _ in range(4):
        tests.append(_text(rng.randint(1, 6), _random_ops(rng, rng.randint(5, 40), 3, 0.4, 20)))
    tests.append(_text(50, _random_ops(rng, 5000, 4, 0.3, 1000)))
    # Maximum sizes. A long window holding every order, with all reports at the end: rescanning
    # the window costs 10^5 * 10^5.
    half = MAX_Q // 2
    ops: list[Op] = [("order", i // 3, rng.randint(1, MAX_V)) for i in range(half)]
    ops += [("stats", half // 3 + i // 7, 0) for i in range(half)]
    tests.append(_text(MAX_T, ops))
    tests.append(_text(MAX_T, _random_ops(rng, MAX_Q, 2, 0.5, MAX_V)))
    # Increasing values (the deque never shrinks from the back) and decreasing ones (it empties
    # to one candidate at every order).
    tests.append(
        _text(MAX_T, [("order", i, i + 1) if i % 2 == 0 else ("stats", i, 0) for i in range(MAX_Q)])
    )
    tests.append(
        _text(
            MAX_T,
            [("order", i, MAX_V - i) if i % 2 == 0 else ("stats", i, 0) for i in range(MAX_Q)],
        )
    )
    # A short window: orders leave constantly, many exactly at the boundary.
    tests.append(_text(3, _random_ops(rng, MAX_Q, 1, 0.4, MAX_V)))
    tests.append(_text(1000, _random_ops(rng, MAX_Q, 40, 0.3, MAX_V, start=MAX_T - 4_000_000)))
    # Largest totals: 199,999 orders of 10^9 and one report.
    tests.append(
        _text(MAX_T, [("order", i, MAX_V) for i in range(MAX_Q - 1)] + [("stats", MAX_Q, 0)])
    )
    return tests
