class Solution {
    searchRotated(nums, queries) {
        return queries.map((target) => this.find(nums, target));
    }

    // A binary search that keeps to the half where the target can be: one half is always sorted.
    find(nums, target) {
        let lo = 0, hi = nums.length - 1;
        while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            if (nums[mid] === target) return mid;
            if (nums[lo] <= nums[mid]) {
                if (nums[lo] <= target && target < nums[mid]) hi = mid - 1;
                else lo = mid + 1;
            } else if (nums[mid] < target && target <= nums[hi]) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }
}
