# Correct but O(n^2): too slow for n = 100,000.
class Solution:
    def two_sum(self, prices: list[int], target: int) -> list[int]:
        n = len(prices)
        for i in range(n):
            for j in range(i + 1, n):
                if prices[i] + prices[j] == target:
                    return [i, j]
        return []
