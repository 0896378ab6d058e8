# Takes the eigenvalues of X^T X without subtracting the means: the first "component" points at
# the data's mean, not along its spread.
import numpy as np


class Solution:
    def explained_variance_ratio(self, x: list[list[float]], k: int) -> list[float]:
        a = np.asarray(x, dtype=np.float64)
        eig = np.clip(np.linalg.eigvalsh(a.T @ a)[::-1], 0.0, None)
        return [float(v) for v in eig[:k] / eig.sum()]
