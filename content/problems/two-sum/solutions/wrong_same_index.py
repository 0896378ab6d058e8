# Stores before looking up, so a number can pair with itself ([3, 2, 4], target 6 -> [0, 0]).
class Solution:
    def two_sum(self, prices: list[int], target: int) -> list[int]:
        seen: dict[int, int] = {}
        for j, value in enumerate(prices):
            seen[value] = j
            i = seen.get(target - value)
            if i is not None:
                return sorted([i, j])
        return []
