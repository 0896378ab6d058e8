from bisect import bisect_left


class Solution:
    def length_of_lis(self, nums: list[int]) -> int:
        tails: list[int] = []
        for x in nums:
            k = bisect_left(tails, x)
            if k == len(tails):
                tails.append(x)
            else:
                tails[k] = x
        return len(tails)
