# Softmax without subtracting the row's maximum: a score above about 709.8 overflows exp to inf,
# and inf / inf is nan.
import numpy as np


class Solution:
    def attention(
        self,
        queries: list[list[float]],
        keys: list[list[float]],
        values: list[list[float]],
        causal: bool,
    ) -> list[list[float]]:
        q = np.asarray(queries, dtype=np.float64)
        k = np.asarray(keys, dtype=np.float64)
        v = np.asarray(values, dtype=np.float64)
        scores = q @ k.T / np.sqrt(q.shape[1])
        with np.errstate(all="ignore"):
            weights = np.exp(scores)
            if causal:
                weights = weights * np.tri(len(q), len(k))
            weights = weights / weights.sum(axis=1, keepdims=True)
        return (weights @ v).tolist()
