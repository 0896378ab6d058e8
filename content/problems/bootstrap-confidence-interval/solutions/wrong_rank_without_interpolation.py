# Reads the bounds off the sorted means at index int(q * B): another quantile convention, without
# interpolation, and not the one the statement defines.
class Solution:
    def bootstrap_ci(
        self, values: list[float], resamples: list[list[int]], confidence: float
    ) -> list[float]:
        means = sorted(sum(values[i] for i in r) / len(r) for r in resamples)
        b = len(means)
        alpha = 1.0 - confidence
        lower = means[min(b - 1, int(alpha / 2 * b))]
        upper = means[min(b - 1, int((1.0 - alpha / 2) * b))]
        return [lower, upper]
