# Correct but O(n^2): uses every unit at full height and expands over taller neighbours; with all
# heights equal every expansion covers the whole row.
class Solution:
    def largest_sign(self, heights: list[int]) -> int:
        n = len(heights)
        best = 0
        for i in range(n):
            h = heights[i]
            left = i
            while left > 0 and heights[left - 1] >= h:
                left -= 1
            right = i
            while right < n - 1 and heights[right + 1] >= h:
                right += 1
            best = max(best, h * (right - left + 1))
        return best
