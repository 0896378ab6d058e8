#include <algorithm>
#include <vector>

class Solution {
public:
    int minJumps(std::vector<int>& ranges) {
        int n = (int)ranges.size();
        int hops = 0;
        long long end = 0, farthest = 0;  // end of the current level, farthest reach
        for (int i = 0; i < n - 1; ++i) {
            farthest = std::max(farthest, (long long)i + ranges[i]);
            if (i == end) {
                ++hops;
                end = farthest;
                if (end >= n - 1) break;
            }
        }
        return hops;
    }
};
