"""Hidden tests for gas-station: every solvable case has exactly one valid start."""

from __future__ import annotations

import random

N = 10**5
LIMIT = 10**4


def _args(gas: list[int], cost: list[int]) -> dict:
    return {"args": {"gas": gas, "cost": cost}}


def _valid_starts(gas: list[int], cost: list[int]) -> int:
    """How many starting stations complete the loop, in O(n).

    With prefix[i] = sum of gas[j] - cost[j] for j < i, start s works iff the tank never goes
    negative: prefix[i] >= prefix[s] for s <= i <= n, and total + prefix[i] >= prefix[s] for i < s.
    """
    n = len(gas)
    prefix = [0] * (n + 1)
    for i in range(n):
        prefix[i + 1] = prefix[i] + gas[i] - cost[i]
    total = prefix[n]
    if total < 0:
        return 0
    suffix_min = prefix[:]
    for i in range(n - 1, -1, -1):
        suffix_min[i] = min(suffix_min[i], suffix_min[i + 1])
    count = 0
    earlier_min = prefix[0]
    for s in range(n):
        if s > 0:
            earlier_min = min(earlier_min, prefix[s - 1])
        if suffix_min[s] >= prefix[s] and total + earlier_min >= prefix[s]:
            count += 1
    return count


def _shift_total(
    rng: random.Random, gas: list[int], cost: list[int], high: int, target: int
) -> None:
    """Change gas and cost within [0, high] until sum(gas) - sum(cost) == target."""
    order = list(range(len(gas)))
    rng.shuffle(order)
    change = target - (sum(gas) - sum(cost))
    for i in order:
        if change > 0:
            step = min(change, high - gas[i])
            gas[i] += step
            change -= step
            step = min(change, cost[i])
            cost[i] -= step
            change -= step
        elif change < 0:
            step = min(-change, gas[i])
            gas[i] -= step
            change += step
            step = min(-change, high - cost[i])
            cost[i] += step
            change += step
        else:
            return


def _stations(rng: random.Random, n: int, high: int, solvable: bool) -> dict:
    while True:
        gas = [rng.randint(0, high) for _ in range(n)]
        cost = [rng.randint(0, high) for _ in range(n)]
        if solvable:
            _shift_total(rng, gas, cost, high, rng.randint(0, min(3, high)))
            if _valid_starts(gas, cost) == 1:
                return _args(gas, cost)
        else:
            _shift_total(rng, gas, cost, high, -rng.randint(1, min(3, high)))
            return _args(gas, cost)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _args([0], [0]),
        _args([5], [3]),
        _args([2], [3]),
        _args([1, 2], [2, 1]),
        _args([3, 0], [0, 4]),
        _args([0, 0, 0, 10], [1, 1, 1, 6]),
        _args([LIMIT, 0, 0], [LIMIT, 0, 1]),
        _args([4, 0, 9, 1], [5, 2, 3, 5]),
    ]
    for _ in range(4):
        tests.append(_stations(rng, rng.randint(2, 10), rng.choice([3, 10]), solvable=True))
    for _ in range(2):
        tests.append(_stations(rng, rng.randint(2, 10), 10, solvable=False))
    tests.append(_stations(rng, 2000, LIMIT, solvable=True))
    tests.append(_stations(rng, 2000, 50, solvable=False))
    # Maximum size: simulating from every start is quadratic.
    tests.append(_stations(rng, N, LIMIT, solvable=True))
    tests.append(_stations(rng, N, LIMIT, solvable=False))
    # The only start is the last station; every earlier start fails only near the end.
    gas = [1] * N
    cost = [1] * N
    cost[N - 2] = 2
    gas[N - 1] = 2
    tests.append(_args(gas, cost))
    # Total is exactly one short, so the answer is -1 although almost every start gets far.
    gas = [LIMIT] * N
    cost = [LIMIT] * N
    gas[N // 2] = LIMIT - 1
    tests.append(_args(gas, cost))
    return tests
