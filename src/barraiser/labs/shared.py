"""Helpers several labs share: one-thread torch, the fraud draws and their cost thresholds."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

    from barraiser.labs.base import LabContext


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


@dataclass(frozen=True)
class FraudSample:
    """The fraud subset as arrays, with the frauds shuffled once to be dealt out in draws."""

    x: np.ndarray
    y: np.ndarray
    normal: np.ndarray  # row indices of the normal transactions (in every draw)
    frauds: np.ndarray  # row indices of the frauds, shuffled; each draw takes the next slice
    per_draw: int  # frauds per draw, so that they are ``rate`` of its rows


def load_fraud_sample(seed: int, rate: float) -> FraudSample:
    """The de-duplicated fraud subset, ready to be drawn at a fraud rate of ``rate``."""
    import numpy as np

    from barraiser.labs.data import load_creditcard

    x, y = fraud_features(load_creditcard().drop_duplicates())
    normal = np.flatnonzero(y == 0)
    frauds = np.random.default_rng(seed % (2**31)).permutation(np.flatnonzero(y == 1))
    per_draw = round(rate * len(normal) / (1 - rate))
    return FraudSample(x, y, normal, frauds, per_draw)


@dataclass(frozen=True)
class ScoredDraw:
    """One draw: its labels, each model's out-of-fold scores, and two stratified halves."""

    index: int
    y: np.ndarray
    oof: dict[str, np.ndarray]
    half: np.ndarray  # 0/1: choose a threshold on one half, pay its cost on the other


def scored_draws(
    ctx: LabContext,
    sample: FraudSample,
    draws: int,
    folds: int,
    models: Sequence[str],
    score: Callable[[str, np.ndarray, np.ndarray, np.ndarray, int], np.ndarray],
) -> Iterator[ScoredDraw]:
    """Every normal row plus a disjoint slice of frauds per draw, scored by stratified k-fold.

    ``score(model, x_train, y_train, x_test, seed)`` returns fraud scores for ``x_test``.
    """
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    rs = ctx.seed % (2**31)
    for d in range(draws):
        fraud_rows = sample.frauds[d * sample.per_draw : (d + 1) * sample.per_draw]
        rows = np.concatenate([sample.normal, fraud_rows])
        xd, yd = sample.x[rows], sample.y[rows]
        oof = {k: np.zeros(len(yd)) for k in models}
        cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=rs + d)
        for f, (tr, te) in enumerate(cv.split(xd, yd)):
            ctx.progress(
                f"draw {d + 1}/{draws}, fold {f + 1}/{folds}", (d * folds + f) / (draws * folds)
            )
            for k in models:
                oof[k][te] = score(k, xd[tr], yd[tr], xd[te], rs + d)
        half = np.zeros(len(yd), dtype=int)
        hrng = np.random.default_rng([rs, d])
        for cls in (0, 1):
            idx = hrng.permutation(np.flatnonzero(yd == cls))
            half[idx[: len(idx) // 2]] = 1
        yield ScoredDraw(d, yd, oof, half)


#: Mean and standard deviation of a Fashion-MNIST training pixel (scaled to 0..1).
FASHION_MNIST_MEAN, FASHION_MNIST_STD = 0.2860, 0.3530


def fashion_mnist_tensors(split: str, n: int, seed: int, *, flat: bool) -> tuple[Any, Any]:
    """A seeded random sample of ``n`` standardised images (``n x 784`` when ``flat``, else
    ``n x 1 x 28 x 28``) and their labels, as torch tensors."""
    import numpy as np
    import torch

    from barraiser.labs.data import load_fashion_mnist

    x, y = load_fashion_mnist(split)
    idx = np.random.default_rng(seed % (2**32)).permutation(len(y))[:n]
    xs = torch.tensor(x[idx], dtype=torch.float32) / 255.0
    xs = xs.reshape(n, -1) if flat else xs.unsqueeze(1)
    return (xs - FASHION_MNIST_MEAN) / FASHION_MNIST_STD, torch.tensor(y[idx], dtype=torch.long)


def accuracy(model: Any, x: Any, y: Any, batch: int = 1000) -> float:
    """Share of ``y`` the model's arg-max predicts, in batches (no gradients)."""
    import torch

    with torch.no_grad():
        correct = sum(
            int((model(x[i : i + batch]).argmax(1) == y[i : i + batch]).sum())
            for i in range(0, len(y), batch)
        )
    return correct / len(y)
