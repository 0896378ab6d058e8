# Updates the weights first and then computes the bias's gradient with the NEW weights.
class Solution:
    def sgd_epoch(
        self,
        x: list[list[float]],
        y: list[float],
        weights: list[float],
        bias: float,
        lr: float,
        batch_size: int,
    ) -> list[float]:
        w = list(weights)
        b = bias
        d = len(w)
        for start in range(0, len(x), batch_size):
            rows = range(start, min(start + batch_size, len(x)))
            m = len(rows)
            r = [sum(x[i][j] * w[j] for j in range(d)) + b - y[i] for i in rows]
            for j in range(d):
                w[j] -= lr * 2.0 * sum(r[k] * x[i][j] for k, i in enumerate(rows)) / m
            r = [sum(x[i][j] * w[j] for j in range(d)) + b - y[i] for i in rows]
            b -= lr * 2.0 * sum(r) / m
        return [*w, b]
