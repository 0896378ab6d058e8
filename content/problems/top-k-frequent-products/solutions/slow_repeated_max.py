# Correct but O(k * m): scans every remaining product for each of the k picks.
class Solution:
    def top_k_products(self, views: list[str], k: int) -> list[str]:
        counts: dict[str, int] = {}
        for v in views:
            counts[v] = counts.get(v, 0) + 1
        result: list[str] = []
        for _ in range(k):
            best = None
            for product, c in counts.items():
                if best is None or c > counts[best] or (c == counts[best] and product < best):
                    best = product
            result.append(best)
            del counts[best]
        return result
