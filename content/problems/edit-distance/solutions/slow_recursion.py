# Correct recursion over the last characters, without memoisation: exponential time.
import sys

sys.setrecursionlimit(100_000)


class Solution:
    def edit_distance(self, source: str, target: str) -> int:
        def solve(i: int, j: int) -> int:
            if i == 0:
                return j
            if j == 0:
                return i
            if source[i - 1] == target[j - 1]:
                return solve(i - 1, j - 1)
            return 1 + min(solve(i - 1, j - 1), solve(i - 1, j), solve(i, j - 1))

        return solve(len(source), len(target))
