"""Hidden tests for beam-search-decode: one step, beams of 1 and of 20, tables where greedy and
wide beams disagree, exact ties between cloned tokens, and 300-step sequences whose products
underflow a double.  Random tables are kept only if every comparison that decides the beam is
either an exact tie or far from one (10^-9 relative)."""

from __future__ import annotations

import math
import random

GAP = 1e-9


def _case(start: list[float], transition: list[list[float]], steps: int, width: int) -> dict:
    return {"args": {"start": start, "transition": transition, "steps": steps, "beam_width": width}}


def _clear(start: list[float], transition: list[list[float]], steps: int, width: int) -> bool:
    """Beam search in plain Python; False if a deciding comparison is a near-tie."""
    log_start = [math.log(p) for p in start]
    log_t = [[math.log(p) for p in row] for row in transition]
    beam: list[tuple[float, tuple[int, ...]]] = [(0.0, ())]
    for step in range(steps):
        cands = []
        for s, seq in beam:
            row = log_start if step == 0 else log_t[seq[-1]]
            cands.extend((s + lp, (*seq, v)) for v, lp in enumerate(row))
        cands.sort(key=lambda c: (-c[0], c[1]))
        cut = [width] if len(cands) > width else []
        if step == steps - 1:
            cut.append(1)
        for j in cut:
            a, b = cands[j - 1][0], cands[j][0]
            if a != b and a - b <= GAP * (1.0 + abs(a)):
                return False
        beam = cands[:width]
    return True


def _random_table(
    rng: random.Random, v: int, low: float, clones: int = 0
) -> tuple[list[float], list[list[float]]]:
    """Rows of weights uniform in [low, 1], normalised; then ``clones`` tokens are made exact
    copies of others (same start, same row, same incoming probabilities)."""

    def row() -> list[float]:
        w = [rng.uniform(low, 1.0) for _ in range(v)]
        total = sum(w)
        return [x / total for x in w]

    start = row()
    trans = [row() for _ in range(v)]
    for _ in range(clones):
        a, b = rng.sample(range(v), 2)
        start[b] = start[a]
        trans[b] = list(trans[a])
        for r in trans:
            r[b] = r[a]
    return start, trans


def _random(
    rng: random.Random, v: int, steps: int, width: int, low: float, clones: int = 0
) -> dict:
    while True:
        start, trans = _random_table(rng, v, low, clones)
        if _clear(start, trans, steps, width):
            return _case(start, trans, steps, width)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _case([0.3, 0.7], [[0.5, 0.5], [0.5, 0.5]], 1, 1),
        _case([0.25, 0.25, 0.5], [[1.0, 0.25, 0.25]] * 3, 1, 20),
        # Greedy takes 0 first and never recovers; a beam of 2 finds [1, 1, 1].
        _case([0.55, 0.45], [[0.5, 0.5], [0.05, 0.95]], 3, 1),
        _case([0.55, 0.45], [[0.5, 0.5], [0.05, 0.95]], 3, 2),
        # A beam of 2 also misses the best sequence, which starts with the third-best token.
        _case(
            [0.4, 0.35, 0.25],
            [[0.34, 0.33, 0.33], [0.34, 0.33, 0.33], [0.01, 0.01, 0.98]],
            4,
            2,
        ),
        _case(
            [0.4, 0.35, 0.25],
            [[0.34, 0.33, 0.33], [0.34, 0.33, 0.33], [0.01, 0.01, 0.98]],
            4,
            3,
        ),
        # Everything ties: the lexicographically smallest sequence, even over 300 steps.
        _case([0.5] * 4, [[0.5] * 4] * 4, 300, 5),
        # Tokens 1 and 2 are clones: their sequences tie exactly, and the smaller one wins.
        _case([0.1, 0.45, 0.45], [[0.8, 0.1, 0.1], [0.2, 0.4, 0.4], [0.2, 0.4, 0.4]], 5, 3),
        # Tiny probabilities: the products underflow long before the end.
        _case([1e-10, 2e-10], [[2e-10, 1e-10], [1e-10, 3e-10]], 300, 2),
    ]
    tests.append(_random(rng, 5, 6, 1, 0.05))
    tests.append(_random(rng, 5, 6, 3, 0.05, clones=1))
    tests.append(_random(rng, 10, 30, 4, 0.01, clones=2))
    tests.append(_random(rng, 20, 80, 8, 0.3))
    # Maximum sizes; flat rows (weights in [0.5, 1]) make every product underflow.
    tests.append(_random(rng, 50, 300, 20, 0.5))
    tests.append(_random(rng, 50, 300, 20, 0.001, clones=3))
    tests.append(_random(rng, 50, 300, 1, 0.5))
    tests.append(_random(rng, 50, 300, 7, 0.8, clones=5))
    tests.append(_random(rng, 2, 300, 20, 0.2))
    return tests
