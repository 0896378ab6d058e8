class Solution {
    lengthOfLis(nums) {
        // tails[len]: the smallest last value of an increasing subsequence of length len + 1.
        const tails = new Float64Array(nums.length);
        let length = 0;
        for (const x of nums) {
            let lo = 0, hi = length; // first tail >= x
            while (lo < hi) {
                const mid = (lo + hi) >> 1;
                if (tails[mid] < x) lo = mid + 1;
                else hi = mid;
            }
            tails[lo] = x;
            if (lo === length) length++;
        }
        return length;
    }
}
