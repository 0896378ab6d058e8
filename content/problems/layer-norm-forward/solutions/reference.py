import numpy as np


class Solution:
    def layer_norm(
        self, x: list[list[float]], gamma: list[float], beta: list[float], eps: float
    ) -> list[list[float]]:
        a = np.asarray(x, dtype=np.float64)
        # Statistics per row (example); subtract the mean before squaring.
        centred = a - a.mean(axis=1, keepdims=True)
        var = (centred**2).mean(axis=1, keepdims=True)
        y = np.asarray(gamma) * centred / np.sqrt(var + eps) + np.asarray(beta)
        return y.tolist()
