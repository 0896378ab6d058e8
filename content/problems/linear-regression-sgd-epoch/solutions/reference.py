import numpy as np


class Solution:
    def sgd_epoch(
        self,
        x: list[list[float]],
        y: list[float],
        weights: list[float],
        bias: float,
        lr: float,
        batch_size: int,
    ) -> list[float]:
        a = np.asarray(x, dtype=np.float64)
        t = np.asarray(y, dtype=np.float64)
        w = np.asarray(weights, dtype=np.float64).copy()
        b = float(bias)
        for start in range(0, len(a), batch_size):
            xb, yb = a[start : start + batch_size], t[start : start + batch_size]
            r = xb @ w + b - yb
            # Gradients of the batch's mean squared error, both at the current (w, b);
            # len(yb) is the batch's own size, smaller for a short last batch.
            grad_w = 2.0 * (xb.T @ r) / len(yb)
            grad_b = 2.0 * r.sum() / len(yb)
            w -= lr * grad_w
            b -= lr * grad_b
        return [float(v) for v in w] + [b]
