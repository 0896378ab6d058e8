import numpy as np


class Solution:
    def ridge_regression(self, x: list[list[float]], y: list[float], lam: float) -> list[float]:
        a = np.asarray(x, dtype=np.float64)
        t = np.asarray(y, dtype=np.float64)
        # Centre: the intercept is then the means' difference and is never penalised.
        x_mean = a.mean(axis=0)
        y_mean = t.mean()
        ac = a - x_mean
        gram = ac.T @ ac + lam * np.eye(a.shape[1])
        w = np.linalg.solve(gram, ac.T @ (t - y_mean))
        b = y_mean - x_mean @ w
        return [float(b)] + [float(v) for v in w]
