class Solution {
public:
    int maxArea(const vector<int>& heights) {
        int i = 0, j = (int)heights.size() - 1;
        long long best = 0;
        while (i < j) {
            long long h = min(heights[i], heights[j]);
            best = max(best, h * (j - i));
            if (heights[i] <= heights[j]) ++i; else --j;
        }
        return (int)best;
    }
};
