class Solution:
    def shortest_stretch(self, products: list[int], k: int) -> int:
        count: dict[int, int] = {}
        distinct = 0
        best = len(products) + 1
        left = 0
        for right, product in enumerate(products):
            seen = count.get(product, 0)
            count[product] = seen + 1
            if seen == 0:
                distinct += 1
            while distinct >= k:
                if right - left + 1 < best:
                    best = right - left + 1
                gone = products[left]
                count[gone] -= 1
                if count[gone] == 0:
                    distinct -= 1
                left += 1
        return best if best <= len(products) else -1
