# Takes the current booking's end instead of the maximum: breaks when one booking contains the next.
class Solution:
    def merge_intervals(self, intervals: list[list[int]]) -> list[list[int]]:
        merged: list[list[int]] = []
        for start, end in sorted(intervals):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = end
            else:
                merged.append([start, end])
        return merged
