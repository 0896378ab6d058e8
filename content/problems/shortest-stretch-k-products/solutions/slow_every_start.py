# Correct but O(n^2): walks forward from every start until k different products are seen.
class Solution:
    def shortest_stretch(self, products: list[int], k: int) -> int:
        n = len(products)
        best = n + 1
        for start in range(n):
            seen: set[int] = set()
            for end in range(start, n):
                seen.add(products[end])
                if len(seen) >= k:
                    best = min(best, end - start + 1)
                    break
        return best if best <= n else -1
