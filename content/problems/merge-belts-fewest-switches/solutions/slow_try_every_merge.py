# Correct but exponential: tries every merge that matches the record, without remembering the
# states it has already explored. When both belts often offer the right label (a record of
# one or two letters), the number of merges explodes.
import sys


class Solution:
    def fewest_switches(self, a: str, b: str, s: str) -> int:
        n, m = len(a), len(b)
        if n + m != len(s):
            return -1
        sys.setrecursionlimit(10_000)
        inf = n + m + 1

        def go(i: int, j: int, belt: int) -> int:
            if i == n and j == m:
                return 0
            c = s[i + j]
            result = inf
            if i < n and a[i] == c:
                result = min(result, go(i + 1, j, 0) + (belt == 1))
            if j < m and b[j] == c:
                result = min(result, go(i, j + 1, 1) + (belt == 0))
            return result

        best = go(0, 0, -1)
        return best if best < inf else -1
