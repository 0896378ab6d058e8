#include <vector>

class Solution {
public:
    std::vector<int> daysUntilWarmer(std::vector<int>& temperatures) {
        int n = (int)temperatures.size();
        std::vector<int> answer(n, 0);
        std::vector<int> waiting;  // indices, temperatures non-increasing from bottom to top
        waiting.reserve(n);
        for (int j = 0; j < n; ++j) {
            while (!waiting.empty() && temperatures[waiting.back()] < temperatures[j]) {
                answer[waiting.back()] = j - waiting.back();
                waiting.pop_back();
            }
            waiting.push_back(j);
        }
        return answer;
    }
};
