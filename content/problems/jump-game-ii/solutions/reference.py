class Solution:
    def min_jumps(self, ranges: list[int]) -> int:
        n = len(ranges)
        hops = 0
        end = 0  # last station reachable with `hops` hops
        farthest = 0  # farthest station reachable with one more hop
        for i in range(n - 1):
            farthest = max(farthest, i + ranges[i])
            if i == end:
                hops += 1
                end = farthest
                if end >= n - 1:
                    break
        return hops
