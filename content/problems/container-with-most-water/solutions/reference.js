class Solution {
    maxArea(heights) {
        let i = 0, j = heights.length - 1, best = 0;
        // The shorter wall bounds every container that keeps it: move past it.
        while (i < j) {
            const hi = heights[i], hj = heights[j];
            if (hi <= hj) {
                best = Math.max(best, (j - i) * hi);
                i++;
            } else {
                best = Math.max(best, (j - i) * hj);
                j--;
            }
        }
        return best;
    }
}
