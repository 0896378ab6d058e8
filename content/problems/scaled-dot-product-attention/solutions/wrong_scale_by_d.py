# Divides the scores by d instead of sqrt(d): the softmax is too flat whenever d > 1.
import math


class Solution:
    def attention(
        self,
        queries: list[list[float]],
        keys: list[list[float]],
        values: list[list[float]],
        causal: bool,
    ) -> list[list[float]]:
        d = len(queries[0])
        out = []
        for i, q in enumerate(queries):
            last = i + 1 if causal else len(keys)
            scores = [sum(a * b for a, b in zip(q, k, strict=True)) / d for k in keys[:last]]
            top = max(scores)
            weights = [math.exp(s - top) for s in scores]
            total = sum(weights)
            row = [0.0] * len(values[0])
            for w, v in zip(weights, values, strict=False):
                for j, x in enumerate(v):
                    row[j] += w / total * x
            out.append(row)
        return out
