class Solution {
public:
    vector<vector<int>> threeSum(vector<int> nums) {
        sort(nums.begin(), nums.end());
        int n = nums.size();
        vector<vector<int>> found;
        for (int i = 0; i + 2 < n; ++i) {
            if (nums[i] > 0) break;
            if (i > 0 && nums[i] == nums[i - 1]) continue;
            int j = i + 1, k = n - 1;
            while (j < k) {
                int s = nums[i] + nums[j] + nums[k];
                if (s < 0) {
                    ++j;
                } else if (s > 0) {
                    --k;
                } else {
                    found.push_back({nums[i], nums[j], nums[k]});
                    int b = nums[j], c = nums[k];
                    while (j < k && nums[j] == b) ++j;
                    while (j < k && nums[k] == c) --k;
                }
            }
        }
        return found;
    }
};
