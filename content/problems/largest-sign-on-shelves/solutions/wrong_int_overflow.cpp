// Multiplies height and width as 32-bit ints before widening: areas above 2^31 - 1 come out wrong.
class Solution {
public:
    long long largestSign(vector<int>& heights) {
        int n = heights.size();
        vector<int> stack;
        long long best = 0;
        for (int j = 0; j <= n; ++j) {
            int h = j < n ? heights[j] : 0;
            while (!stack.empty() && heights[stack.back()] >= h) {
                int top = heights[stack.back()];
                stack.pop_back();
                int left = stack.empty() ? -1 : stack.back();
                long long area = top * (j - left - 1);
                best = max(best, area);
            }
            stack.push_back(j);
        }
        return best;
    }
};
