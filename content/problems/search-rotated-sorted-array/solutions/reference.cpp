#include <vector>

class Solution {
public:
    std::vector<int> searchRotated(std::vector<int>& nums, std::vector<int>& queries) {
        std::vector<int> answers;
        answers.reserve(queries.size());
        for (int target : queries) answers.push_back(find(nums, target));
        return answers;
    }

private:
    static int find(const std::vector<int>& nums, int target) {
        int lo = 0, hi = (int)nums.size() - 1;
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
};
