# Correct but exponential: tries every voucher at every step without remembering results.
import sys

sys.setrecursionlimit(100_000)


class Solution:
    def coin_change(self, coins: list[int], amount: int) -> int:
        def fewest(rest: int) -> float:
            if rest == 0:
                return 0
            best = float("inf")
            for c in coins:
                if c <= rest:
                    best = min(best, fewest(rest - c) + 1)
            return best

        answer = fewest(amount)
        return -1 if answer == float("inf") else int(answer)
