// The products can pass 2^53, so they are BigInts (the harness's type for long).
class Solution {
    productExceptSelf(nums) {
        const n = nums.length;
        const answer = new Array(n);
        let prefix = 1n;
        for (let i = 0; i < n; i++) {
            answer[i] = prefix;
            prefix *= BigInt(nums[i]);
        }
        let suffix = 1n;
        for (let i = n - 1; i >= 0; i--) {
            answer[i] *= suffix;
            suffix *= BigInt(nums[i]);
        }
        return answer;
    }
}
