#include <unordered_map>
#include <vector>

class Solution {
public:
    std::vector<int> twoSum(std::vector<int>& nums, int target) {
        std::unordered_map<long long, int> seen;
        seen.reserve(nums.size() * 2);
        for (int j = 0; j < (int)nums.size(); ++j) {
            auto it = seen.find((long long)target - nums[j]);
            if (it != seen.end()) return {it->second, j};
            seen.emplace(nums[j], j);
        }
        return {};
    }
};
