import heapq
from collections import Counter


class Solution:
    def top_k_products(self, views: list[str], k: int) -> list[str]:
        counts = Counter(views)
        best = heapq.nsmallest(k, counts.items(), key=lambda item: (-item[1], item[0]))
        return [product for product, _ in best]
