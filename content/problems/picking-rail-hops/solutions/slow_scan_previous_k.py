# Correct but O(n * k): the same table, with each maximum taken over the previous k values.
class Solution:
    def best_score(self, gains: list[int], k: int) -> int:
        n = len(gains)
        best = [0] * n
        best[0] = gains[0]
        for i in range(1, n):
            best[i] = gains[i] + max(best[max(0, i - k) : i])
        return best[n - 1]
