# Normalises by the DCG of every item in ideal order instead of the ideal top k: the denominator
# is too large whenever more than k items are relevant.
import math


class Solution:
    def ndcg_at_k(self, relevance: list[int], scores: list[float], k: int) -> float:
        order = sorted(range(len(scores)), key=lambda i: -scores[i])
        dcg = sum((2 ** relevance[i] - 1) / math.log2(p + 2) for p, i in enumerate(order[:k]))
        ideal = sorted(relevance, reverse=True)
        idcg = sum((2**r - 1) / math.log2(p + 2) for p, r in enumerate(ideal))
        return dcg / idcg if idcg > 0 else 0.0
