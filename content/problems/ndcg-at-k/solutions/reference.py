import numpy as np


class Solution:
    def ndcg_at_k(self, relevance: list[int], scores: list[float], k: int) -> float:
        rel = np.asarray(relevance, dtype=np.int64)
        s = np.asarray(scores, dtype=np.float64)
        # Highest score first; a stable sort keeps the input order among equal scores.
        order = np.argsort(-s, kind="stable")[:k]
        ideal = np.sort(rel)[::-1][:k]
        discount = 1.0 / np.log2(np.arange(2, len(order) + 2))
        dcg = float(((2.0 ** rel[order] - 1.0) * discount).sum())
        idcg = float(((2.0**ideal - 1.0) * discount).sum())
        return dcg / idcg if idcg > 0 else 0.0
