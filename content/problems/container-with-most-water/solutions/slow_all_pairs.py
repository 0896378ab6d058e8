# Correct but O(n^2): tries every pair of poles.
class Solution:
    def max_area(self, heights: list[int]) -> int:
        n = len(heights)
        best = 0
        for i in range(n):
            for j in range(i + 1, n):
                area = (j - i) * min(heights[i], heights[j])
                if area > best:
                    best = area
        return best
