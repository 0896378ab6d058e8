#include <queue>
#include <utility>
#include <vector>

class Solution {
public:
    std::vector<std::vector<int>> kClosest(std::vector<std::vector<int>>& points, int k) {
        std::priority_queue<std::pair<int, int>> heap;  // (squared distance, index), max on top
        for (int i = 0; i < (int)points.size(); ++i) {
            int d = points[i][0] * points[i][0] + points[i][1] * points[i][1];
            if ((int)heap.size() < k) {
                heap.push({d, i});
            } else if (d < heap.top().first) {
                heap.pop();
                heap.push({d, i});
            }
        }
        std::vector<std::vector<int>> result;
        result.reserve(k);
        while (!heap.empty()) {
            result.push_back(points[heap.top().second]);
            heap.pop();
        }
        return result;
    }
};
