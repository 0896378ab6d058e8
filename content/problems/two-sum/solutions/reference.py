class Solution:
    def two_sum(self, prices: list[int], target: int) -> list[int]:
        seen: dict[int, int] = {}
        for j, value in enumerate(prices):
            i = seen.get(target - value)
            if i is not None:
                return [i, j]
            seen[value] = j
        return []
