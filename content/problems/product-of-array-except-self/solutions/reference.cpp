class Solution {
public:
    vector<long long> productExceptSelf(const vector<int>& nums) {
        int n = nums.size();
        vector<long long> answer(n, 1);
        long long prefix = 1;
        for (int i = 0; i < n; ++i) {
            answer[i] = prefix;
            prefix *= nums[i];
        }
        long long suffix = 1;
        for (int i = n - 1; i >= 0; --i) {
            answer[i] *= suffix;
            suffix *= nums[i];
        }
        return answer;
    }
};
