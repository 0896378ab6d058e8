import numpy as np


class Solution:
    def bootstrap_ci(
        self, values: list[float], resamples: list[list[int]], confidence: float
    ) -> list[float]:
        v = np.asarray(values, dtype=np.float64)
        idx = np.asarray(resamples, dtype=np.int64)
        means = v[idx].mean(axis=1)
        alpha = 1.0 - confidence
        # np.quantile's default interpolates linearly at position q * (B - 1).
        lower, upper = np.quantile(means, [alpha / 2, 1.0 - alpha / 2])
        return [float(lower), float(upper)]
