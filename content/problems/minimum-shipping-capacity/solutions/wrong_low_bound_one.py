# Searches from capacity 1 and never checks that a package fits, so a package heavier than the
# capacity just gets "its own day" ([1, 10] in 2 days -> 1 instead of 10).
class Solution:
    def min_capacity(self, weights: list[int], days: int) -> int:
        def days_needed(capacity: int) -> int:
            used, load = 1, 0
            for w in weights:
                if load + w > capacity:
                    used += 1
                    load = 0
                load += w
            return used

        lo, hi = 1, sum(weights)
        while lo < hi:
            mid = (lo + hi) // 2
            if days_needed(mid) <= days:
                hi = mid
            else:
                lo = mid + 1
        return lo
