class Solution {
    public int[] searchRotated(int[] nums, int[] queries) {
        int[] answers = new int[queries.length];
        for (int i = 0; i < queries.length; i++) answers[i] = find(nums, queries[i]);
        return answers;
    }

    private static int find(int[] nums, int target) {
        int lo = 0, hi = nums.length - 1;
        while (lo <= hi) {
            int mid = lo + (hi - lo) / 2;
            if (nums[mid] == target) return mid;
            if (nums[lo] <= nums[mid]) {  // left half sorted
                if (nums[lo] <= target && target < nums[mid]) hi = mid - 1;
                else lo = mid + 1;
            } else {  // right half sorted
                if (nums[mid] < target && target <= nums[hi]) lo = mid + 1;
                else hi = mid - 1;
            }
        }
        return -1;
    }
}
