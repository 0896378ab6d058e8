# Measures the width from the popped index itself (j - t) instead of from the index below it on
# the stack, so the taller units to the left of t, popped earlier, are left out of the sign.
class Solution:
    def largest_sign(self, heights: list[int]) -> int:
        best = 0
        stack: list[int] = []
        n = len(heights)
        for j in range(n + 1):
            h = heights[j] if j < n else 0
            while stack and heights[stack[-1]] >= h:
                t = stack.pop()
                best = max(best, heights[t] * (j - t))
            stack.append(j)
        return best
