class Solution {
public:
    long long largestSign(vector<int>& heights) {
        int n = heights.size();
        vector<int> stack;  // indices with increasing heights
        stack.reserve(n + 1);
        long long best = 0;
        for (int j = 0; j <= n; ++j) {
            int h = j < n ? heights[j] : 0;  // a height-0 sentinel flushes the stack
            while (!stack.empty() && heights[stack.back()] >= h) {
                long long top = heights[stack.back()];
                stack.pop_back();
                int left = stack.empty() ? -1 : stack.back();
                best = max(best, top * (j - left - 1));
            }
            stack.push_back(j);
        }
        return best;
    }
};
