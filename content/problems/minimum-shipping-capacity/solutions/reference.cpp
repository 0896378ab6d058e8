#include <algorithm>
#include <vector>

class Solution {
public:
    int minCapacity(std::vector<int>& weights, int days) {
        long long lo = *std::max_element(weights.begin(), weights.end());
        long long hi = 0;
        for (int w : weights) hi += w;
        while (lo < hi) {
            long long mid = lo + (hi - lo) / 2;
            if (daysNeeded(weights, mid) <= days) hi = mid;
            else lo = mid + 1;
        }
        return (int)lo;
    }

private:
    static int daysNeeded(const std::vector<int>& weights, long long capacity) {
        int used = 1;
        long long load = 0;
        for (int w : weights) {
            if (load + w > capacity) {
                used++;
                load = 0;
            }
            load += w;
        }
        return used;
    }
};
