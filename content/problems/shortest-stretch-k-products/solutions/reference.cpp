class Solution {
public:
    int shortestStretch(vector<int>& products, int k) {
        int n = products.size();
        unordered_map<int, int> count;
        count.reserve(2 * n);
        int distinct = 0, best = n + 1, left = 0;
        for (int right = 0; right < n; ++right) {
            if (count[products[right]]++ == 0) ++distinct;
            while (distinct >= k) {
                best = min(best, right - left + 1);
                if (--count[products[left]] == 0) --distinct;
                ++left;
            }
        }
        return best <= n ? best : -1;
    }
};
