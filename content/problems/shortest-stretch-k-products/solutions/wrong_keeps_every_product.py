# Shrinks only while the left order is a duplicate, so the window never drops a product and ends
# up holding every product seen so far: for [1, 2, 2, 2, 3, 4, 5] and k = 3 it answers 5, not 3.
class Solution:
    def shortest_stretch(self, products: list[int], k: int) -> int:
        count: dict[int, int] = {}
        best = len(products) + 1
        left = 0
        for right, product in enumerate(products):
            count[product] = count.get(product, 0) + 1
            while count[products[left]] > 1:
                count[products[left]] -= 1
                left += 1
            if len(count) >= k:
                best = min(best, right - left + 1)
        return best if best <= len(products) else -1
