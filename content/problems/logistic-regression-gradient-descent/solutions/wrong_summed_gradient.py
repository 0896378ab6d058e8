# Sums the per-example gradients instead of averaging them: each step is n times too long, so the
# weights come out wrong (and with many examples the iteration overshoots).
import math


class Solution:
    def logistic_regression(
        self, x: list[list[float]], y: list[int], lr: float, steps: int
    ) -> list[float]:
        d = len(x[0])
        w = [0.0] * d
        b = 0.0
        for _ in range(steps):
            gw = [0.0] * d
            gb = 0.0
            for row, target in zip(x, y, strict=True):
                z = sum(wj * xj for wj, xj in zip(w, row, strict=True)) + b
                p = 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))
                for j in range(d):
                    gw[j] += (p - target) * row[j]
                gb += p - target
            w = [wj - lr * g for wj, g in zip(w, gw, strict=True)]
            b -= lr * gb
        return [*w, b]
