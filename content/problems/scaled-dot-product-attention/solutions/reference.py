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
        if causal:
            # Query i sees keys 0..i only: the others get -inf, so exp gives them weight 0.
            visible = np.tri(len(q), len(k), dtype=bool)
            scores = np.where(visible, scores, -np.inf)
        # Subtract each row's maximum before exp: no overflow, and the row's best key weighs 1.
        scores = scores - scores.max(axis=1, keepdims=True)
        weights = np.exp(scores)
        weights /= weights.sum(axis=1, keepdims=True)
        return (weights @ v).tolist()
