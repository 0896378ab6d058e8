class Solution:
    def largest_sign(self, heights: list[int]) -> int:
        best = 0
        stack: list[int] = []  # indices with increasing heights
        n = len(heights)
        for j in range(n + 1):
            h = heights[j] if j < n else 0  # a height-0 sentinel flushes the stack
            while stack and heights[stack[-1]] >= h:
                top = heights[stack.pop()]
                left = stack[-1] if stack else -1
                area = top * (j - left - 1)
                if area > best:
                    best = area
            stack.append(j)
        return best
