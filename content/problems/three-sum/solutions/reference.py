class Solution:
    def three_sum(self, nums: list[int]) -> list[list[int]]:
        nums = sorted(nums)
        n = len(nums)
        found: list[list[int]] = []
        for i in range(n - 2):
            a = nums[i]
            if a > 0:
                break
            if i > 0 and a == nums[i - 1]:
                continue
            j, k = i + 1, n - 1
            while j < k:
                s = a + nums[j] + nums[k]
                if s < 0:
                    j += 1
                elif s > 0:
                    k -= 1
                else:
                    found.append([a, nums[j], nums[k]])
                    b, c = nums[j], nums[k]
                    while j < k and nums[j] == b:
                        j += 1
                    while j < k and nums[k] == c:
                        k -= 1
        return found
