import numpy as np


class Solution:
    def explained_variance_ratio(self, x: list[list[float]], k: int) -> list[float]:
        a = np.asarray(x, dtype=np.float64)
        # Two passes: subtract the means first, then form the scatter matrix.
        centred = a - a.mean(axis=0)
        scatter = centred.T @ centred
        eig = np.linalg.eigvalsh(scatter)[::-1]
        # Rounding can leave eigenvalues that are 0 in exact arithmetic slightly negative.
        eig = np.clip(eig, 0.0, None)
        return [float(v) for v in eig[:k] / eig.sum()]
