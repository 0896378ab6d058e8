from collections import deque


class Solution:
    def best_score(self, gains: list[int], k: int) -> int:
        n = len(gains)
        best = [0] * n
        best[0] = gains[0]
        window: deque[int] = deque([0])  # indices, best values strictly decreasing
        for i in range(1, n):
            while window[0] < i - k:  # out of reach of station i
                window.popleft()
            best[i] = gains[i] + best[window[0]]
            while window and best[window[-1]] <= best[i]:
                window.pop()
            window.append(i)
        return best[n - 1]
