# Also processes the last station, so it counts a hop when the last level ends exactly there
# ([0] -> 1, [1, 1] -> 2).
class Solution:
    def min_jumps(self, ranges: list[int]) -> int:
        hops = 0
        end = 0
        farthest = 0
        for i in range(len(ranges)):
            farthest = max(farthest, i + ranges[i])
            if i == end:
                hops += 1
                end = farthest
        return hops
