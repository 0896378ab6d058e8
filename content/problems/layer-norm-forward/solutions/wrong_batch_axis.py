# Takes the statistics over the batch (axis 0), as batch normalisation does, instead of over
# each example's features.
import numpy as np


class Solution:
    def layer_norm(
        self, x: list[list[float]], gamma: list[float], beta: list[float], eps: float
    ) -> list[list[float]]:
        a = np.asarray(x, dtype=np.float64)
        centred = a - a.mean(axis=0, keepdims=True)
        var = (centred**2).mean(axis=0, keepdims=True)
        y = np.asarray(gamma) * centred / np.sqrt(var + eps) + np.asarray(beta)
        return y.tolist()
