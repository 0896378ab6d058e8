"""Hidden tests for adam-optimizer-step: the first step from a zero state, zero gradients,
gradients far below and far above eps, huge t (the corrections vanish), beta1 = 0, beta2 at its
extremes, parameters and state at their limits, and maximum sizes (n = 20000)."""

from __future__ import annotations

import random


def _case(
    params: list[float],
    grads: list[float],
    m: list[float],
    v: list[float],
    t: int,
    lr: float = 0.001,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
) -> dict:
    return {
        "args": {
            "params": params,
            "grads": grads,
            "m": m,
            "v": v,
            "t": t,
            "lr": lr,
            "beta1": beta1,
            "beta2": beta2,
            "eps": eps,
        }
    }


def _random(
    rng: random.Random,
    n: int,
    t: int,
    grad_scale: float,
    fresh: bool = False,
    **hyper: float,
) -> dict:
    """Gradients of mixed sizes around ``grad_scale``; a state consistent with earlier
    gradients of that size (or zeros when ``fresh``)."""
    params = [round(rng.uniform(-100, 100), 4) for _ in range(n)]
    grads = [
        min(1000.0, max(-1000.0, rng.gauss(0, grad_scale) * 10 ** rng.uniform(-1, 1)))
        for _ in range(n)
    ]
    if fresh:
        m = [0.0] * n
        v = [0.0] * n
    else:
        m = [min(1000.0, max(-1000.0, rng.gauss(0, grad_scale))) for _ in range(n)]
        v = [min(1e6, (grad_scale * rng.uniform(0.1, 3)) ** 2) for _ in range(n)]
    return _case(params, grads, m, v, t, **hyper)


def generate(rng: random.Random) -> list[dict]:
    tests = [
        _case([5.0], [3.0], [0.0], [0.0], 1),
        _case([0.0, 1.0, -1.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0], 1),
        # Tiny gradients: eps decides the step size.
        _case([1.0, 1.0, 1.0], [1e-9, -1e-10, 1e-7], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0], 1),
        _case([2.0], [1e-9], [1e-9], [1e-18], 2, lr=0.01),
        # A zero gradient with a non-zero state still moves the parameter.
        _case([0.5], [0.0], [0.2], [0.09], 10),
        # beta1 = 0: no momentum (RMSProp with bias correction).
        _case([1.0, 2.0], [0.3, -0.3], [5.0, 5.0], [1.0, 1.0], 3, beta1=0.0, beta2=0.99),
        # Limits of the values and of the hyper-parameters.
        _case(
            [100.0, -100.0],
            [1000.0, -1000.0],
            [1000.0, -1000.0],
            [1e6, 1e6],
            1000000,
            lr=1.0,
            beta1=0.99,
            beta2=0.99999,
            eps=1e-3,
        ),
        _case([-3.0], [-1000.0], [0.0], [0.0], 1, lr=1.0, beta2=0.99999, eps=1e-10),
        _case([7.0], [2.0], [1.0], [3.0], 2, lr=0.5, beta1=0.99, beta2=0.9, eps=1e-10),
    ]
    tests.append(_random(rng, 10, 1, 1.0, fresh=True))
    tests.append(_random(rng, 100, 7, 1e-6, lr=0.01))
    tests.append(_random(rng, 1000, 250, 10.0, beta1=0.5, beta2=0.95, eps=1e-6))
    # Maximum sizes.
    tests.append(_random(rng, 20000, 1, 1.0, fresh=True))
    tests.append(_random(rng, 20000, 5000, 0.01, lr=0.0003))
    tests.append(_random(rng, 20000, 3, 1e-8, lr=0.1, eps=1e-8))
    tests.append(_random(rng, 20000, 1000000, 100.0, lr=0.05, beta1=0.0, beta2=0.9))
    return tests
