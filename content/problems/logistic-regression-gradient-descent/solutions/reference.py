import numpy as np


class Solution:
    def logistic_regression(
        self, x: list[list[float]], y: list[int], lr: float, steps: int
    ) -> list[float]:
        a = np.asarray(x, dtype=np.float64)
        t = np.asarray(y, dtype=np.float64)
        n, d = a.shape
        w = np.zeros(d)
        b = 0.0
        for _ in range(steps):
            z = a @ w + b
            # A sigmoid that never overflows: exp only ever sees -|z|.
            e = np.exp(-np.abs(z))
            p = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
            error = p - t
            # The gradient of the MEAN log loss; both updates use the same p.
            w = w - lr * (a.T @ error) / n
            b = b - lr * float(error.mean())
        return [float(v) for v in w] + [b]
