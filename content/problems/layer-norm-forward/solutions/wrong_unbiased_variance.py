# Divides the variance by d - 1: statistics.variance is the sample variance (pvariance, or
# np.var, divides by d as the layer does).
import statistics


class Solution:
    def layer_norm(
        self, x: list[list[float]], gamma: list[float], beta: list[float], eps: float
    ) -> list[list[float]]:
        out = []
        for row in x:
            mean = statistics.fmean(row)
            var = statistics.variance(row) if len(row) > 1 else 0.0
            scale = (var + eps) ** 0.5
            out.append(
                [g * (v - mean) / scale + b for v, g, b in zip(row, gamma, beta, strict=True)]
            )
        return out
