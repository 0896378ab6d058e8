class Solution {
    threeSum(input) {
        const nums = Int32Array.from(input).sort();
        const n = nums.length;
        const found = [];
        for (let i = 0; i < n - 2; i++) {
            const a = nums[i];
            if (a > 0) break;
            if (i > 0 && a === nums[i - 1]) continue;
            let j = i + 1, k = n - 1;
            while (j < k) {
                const s = a + nums[j] + nums[k];
                if (s < 0) j++;
                else if (s > 0) k--;
                else {
                    found.push([a, nums[j], nums[k]]);
                    const b = nums[j], c = nums[k];
                    while (j < k && nums[j] === b) j++;
                    while (j < k && nums[k] === c) k--;
                }
            }
        }
        return found;
    }
}
