# Updates the weights first and then computes the bias's gradient with the NEW weights: that is
# not one step of gradient descent (both parts of the gradient belong to the same point).
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
            p = 1.0 / (1.0 + np.exp(-(a @ w + b)))
            w = w - lr * (a.T @ (p - t)) / n
            p = 1.0 / (1.0 + np.exp(-(a @ w + b)))
            b = b - lr * float((p - t).mean())
        return [float(v) for v in w] + [b]
