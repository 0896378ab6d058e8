# Correct but O(n * max range): relaxes every station each hop can reach.
class Solution:
    def min_jumps(self, ranges: list[int]) -> int:
        n = len(ranges)
        best = [n] * n
        best[0] = 0
        for i in range(n - 1):
            nxt = best[i] + 1
            for j in range(i + 1, min(n, i + ranges[i] + 1)):
                if nxt < best[j]:
                    best[j] = nxt
        return best[n - 1]
