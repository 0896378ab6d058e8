"""Helpers several labs share: one-thread torch, the fraud table's features, cost thresholds."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np


@contextmanager
def torch_one_thread(seed: int | None = None) -> Iterator[None]:
    """Run torch on one thread (restored afterwards), seeded when ``seed`` is given.

    The labs' models are small: on a shared 2-core machine two threads were measured 10-50
    times slower, because they wait for each other at every operation.
    """
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    if seed is not None:
        torch.manual_seed(seed)
    try:
        yield
    finally:
        torch.set_num_threads(threads)


def fraud_features(frame: Any) -> tuple[np.ndarray, np.ndarray]:
    """V1..V28 and log amount, and the labels; ``Time`` (seconds since the first row) is left
    out because it is not a behaviour of the card holder."""
    import numpy as np

    x = frame[[f"V{i}" for i in range(1, 29)]].to_numpy(dtype=float)
    x = np.column_stack([x, np.log1p(frame["Amount"].to_numpy(dtype=float))])
    return x, frame["Class"].to_numpy(dtype=int)


def cost_threshold(y: np.ndarray, s: np.ndarray, missed_cost: float, alarm_cost: float) -> float:
    """The score threshold (flag when score >= t) with the lowest cost of errors on these rows.

    Returns infinity when flagging nothing is cheapest.
    """
    import numpy as np

    order = np.argsort(-s, kind="stable")
    s_sorted, y_sorted = s[order], y[order]
    # flagging the top i rows; only cut where the score changes, so ties stay together
    cut = np.flatnonzero(np.r_[s_sorted[1:] != s_sorted[:-1], True])
    tp = np.cumsum(y_sorted)[cut]
    fp = (cut + 1) - tp
    costs = (y.sum() - tp) * missed_cost + fp * alarm_cost
    i = int(np.argmin(costs))
    if y.sum() * missed_cost <= costs[i]:
        return float("inf")
    return float(s_sorted[cut[i]])
