"""Hidden tests for conv1d-valid-stride: k = 1, k = n, strides past the end, strides that land
exactly on the last window and just miss it, asymmetric kernels (a flipped kernel differs),
values at +-100, and maximum sizes (n = 100000, k = 10000: 9 · 10^8 multiply-adds at stride 1)."""

from __future__ import annotations

import random


def _case(signal: list[float], kernel: list[float], stride: int) -> dict:
    return {"args": {"signal": signal, "kernel": kernel, "stride": stride}}


def _values(rng: random.Random, count: int, span: float = 100.0, digits: int = 2) -> list[float]:
    return [round(rng.uniform(-span, span), digits) for _ in range(count)]


def _random(rng: random.Random, n: int, k: int, stride: int, span: float = 100.0) -> dict:
    return _case(_values(rng, n, span), _values(rng, k, span), stride)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _case([4.0], [-2.5], 1),
        _case([1.0, 2.0, 3.0, 4.0], [3.0], 2),
        _case([1.0, -1.0, 2.0], [1.0, 2.0, 3.0], 1),
        _case([1.0, -1.0, 2.0], [1.0, 2.0, 3.0], 1000),
        # n - k is a multiple of the stride: the last window ends exactly at the signal's end.
        _case([float(i) for i in range(10)], [1.0, -2.0], 2),
        _case([float(i) for i in range(11)], [1.0, -2.0], 3),
        # A stride larger than the kernel skips values; a stride of n - k takes both ends only.
        _case(_values(rng, 50), [0.5, -0.25, 2.0], 7),
        _case(_values(rng, 40), _values(rng, 10), 30),
        _case([100.0, -100.0] * 500, [100.0, 100.0, -100.0] * 100, 1),
    ]
    tests.append(_random(rng, 200, 5, 1))
    tests.append(_random(rng, 1000, 32, 4, 1.0))
    tests.append(_random(rng, 5000, 999, 1))
    # Maximum sizes.
    tests.append(_random(rng, 100000, 10000, 1))
    tests.append(_random(rng, 100000, 5000, 1))
    tests.append(_random(rng, 100000, 10000, 7))
    tests.append(_random(rng, 100000, 3, 1))
    tests.append(_random(rng, 100000, 1000, 1000))
    return tests
