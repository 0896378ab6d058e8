# Uses the upper bound, so it computes the longest NON-DECREASING subsequence ([4, 4, 4] -> 3).
from bisect import bisect_right


class Solution:
    def length_of_lis(self, nums: list[int]) -> int:
        tails: list[int] = []
        for x in nums:
            k = bisect_right(tails, x)
            if k == len(tails):
                tails.append(x)
            else:
                tails[k] = x
        return len(tails)
