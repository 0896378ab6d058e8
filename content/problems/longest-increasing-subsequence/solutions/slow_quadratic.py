# Correct O(n^2) DP: longest chain ending at each index. Too slow for n = 100,000.
class Solution:
    def length_of_lis(self, nums: list[int]) -> int:
        n = len(nums)
        length = [1] * n
        for i in range(n):
            x = nums[i]
            best = 0
            for j in range(i):
                if nums[j] < x and length[j] > best:
                    best = length[j]
            length[i] = best + 1
        return max(length)
