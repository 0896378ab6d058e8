#include <vector>

class Solution {
public:
    std::vector<int> findOrder(int n, std::vector<std::vector<int>>& prerequisites) {
        std::vector<std::vector<int>> unlocks(n);
        std::vector<int> waiting(n, 0);  // prerequisites not yet completed, duplicates counted
        for (auto& p : prerequisites) {
            unlocks[p[1]].push_back(p[0]);
            ++waiting[p[0]];
        }
        std::vector<int> order;
        order.reserve(n);
        for (int i = 0; i < n; ++i)
            if (waiting[i] == 0) order.push_back(i);
        // `order` doubles as the queue: everything before `head` has been processed.
        for (size_t head = 0; head < order.size(); ++head)
            for (int next : unlocks[order[head]])
                if (--waiting[next] == 0) order.push_back(next);
        if ((int)order.size() != n) return {};
        return order;
    }
};
