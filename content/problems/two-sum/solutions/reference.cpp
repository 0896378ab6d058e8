#include <unordered_map>
#include <vector>

class Solution {
public:
    std::vector<int> twoSum(std::vector<int>& prices, int target) {
        std::unordered_map<long long, int> seen;
        seen.reserve(prices.size() * 2);
        for (int j = 0; j < (int)prices.size(); ++j) {
            auto it = seen.find((long long)target - prices[j]);
            if (it != seen.end()) return {it->second, j};
            seen.emplace(prices[j], j);
        }
        return {};
    }
};
