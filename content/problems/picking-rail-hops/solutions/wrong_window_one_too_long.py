# The monotonic deque, but it expires an index only when it is below i - k - 1: the window holds
# k + 1 stations, so the robot may hop k + 1 stations and skip one stop too many.
from collections import deque


class Solution:
    def best_score(self, gains: list[int], k: int) -> int:
        n = len(gains)
        best = [0] * n
        best[0] = gains[0]
        window: deque[int] = deque([0])
        for i in range(1, n):
            while window[0] < i - k - 1:
                window.popleft()
            best[i] = gains[i] + best[window[0]]
            while window and best[window[-1]] <= best[i]:
                window.pop()
            window.append(i)
        return best[n - 1]
