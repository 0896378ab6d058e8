import numpy as np


class Solution:
    def batch_norm(
        self, x: list[list[float]], gamma: list[float], beta: list[float], eps: float
    ) -> list[list[float]]:
        a = np.asarray(x, dtype=np.float64)
        # Two passes: the mean first, then the mean squared deviation from it (biased, / n).
        mean = a.mean(axis=0)
        centred = a - mean
        var = (centred * centred).mean(axis=0)
        out = centred / np.sqrt(var + eps) * np.asarray(gamma) + np.asarray(beta)
        return out.tolist()
