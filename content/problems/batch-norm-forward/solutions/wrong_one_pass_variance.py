# Variance as E[x^2] - E[x]^2 in one pass: two huge, nearly equal numbers are subtracted, so a
# feature with a large offset and a small spread loses every significant digit (or goes
# negative, and sqrt gives nan).
import math


class Solution:
    def batch_norm(
        self, x: list[list[float]], gamma: list[float], beta: list[float], eps: float
    ) -> list[list[float]]:
        n, d = len(x), len(x[0])
        out = [[0.0] * d for _ in range(n)]
        for j in range(d):
            total = squares = 0.0
            for row in x:
                total += row[j]
                squares += row[j] * row[j]
            mean = total / n
            var = squares / n - mean * mean
            scale = gamma[j] / math.sqrt(var + eps) if var + eps > 0 else float("nan")
            for i in range(n):
                out[i][j] = (x[i][j] - mean) * scale + beta[j]
        return out
