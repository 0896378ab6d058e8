# Correct but tries capacities one by one from max(weights): far too many greedy passes.
class Solution:
    def min_capacity(self, weights: list[int], days: int) -> int:
        capacity = max(weights)
        while True:
            used, load = 1, 0
            for w in weights:
                if load + w > capacity:
                    used += 1
                    load = 0
                load += w
            if used <= days:
                return capacity
            capacity += 1
