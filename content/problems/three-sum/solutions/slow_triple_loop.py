# Correct but O(n^3): tries every choice of three positions and deduplicates with a set.
class Solution:
    def three_sum(self, nums: list[int]) -> list[list[int]]:
        n = len(nums)
        found: set[tuple[int, int, int]] = set()
        for i in range(n):
            for j in range(i + 1, n):
                for k in range(j + 1, n):
                    if nums[i] + nums[j] + nums[k] == 0:
                        found.add(tuple(sorted((nums[i], nums[j], nums[k]))))
        return [list(t) for t in sorted(found)]
