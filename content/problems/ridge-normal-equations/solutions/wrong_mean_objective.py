# Minimises the MEAN squared error plus lam * |w|^2: the same as this problem with n * lam, so
# the weights are shrunk too much whenever lam > 0.
import numpy as np


class Solution:
    def ridge_regression(self, x: list[list[float]], y: list[float], lam: float) -> list[float]:
        a = np.asarray(x, dtype=np.float64)
        t = np.asarray(y, dtype=np.float64)
        n = len(a)
        x_mean, y_mean = a.mean(axis=0), t.mean()
        ac = a - x_mean
        w = np.linalg.solve(ac.T @ ac / n + lam * np.eye(a.shape[1]), ac.T @ (t - y_mean) / n)
        return [float(y_mean - x_mean @ w)] + [float(v) for v in w]
