# Two pointers, but moves the taller pole inwards: discards the pole that could still do better.
class Solution:
    def max_area(self, heights: list[int]) -> int:
        i, j = 0, len(heights) - 1
        best = 0
        while i < j:
            best = max(best, (j - i) * min(heights[i], heights[j]))
            if heights[i] >= heights[j]:
                i += 1
            else:
                j -= 1
        return best
