class Solution:
    def max_area(self, heights: list[int]) -> int:
        i, j = 0, len(heights) - 1
        best = 0
        while i < j:
            if heights[i] <= heights[j]:
                best = max(best, (j - i) * heights[i])
                i += 1
            else:
                best = max(best, (j - i) * heights[j])
                j -= 1
        return best
