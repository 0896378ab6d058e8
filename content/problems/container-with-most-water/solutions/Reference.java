class Solution {
    public int maxArea(int[] heights) {
        int i = 0, j = heights.length - 1;
        long best = 0;
        while (i < j) {
            long h = Math.min(heights[i], heights[j]);
            best = Math.max(best, h * (j - i));
            if (heights[i] <= heights[j]) i++; else j--;
        }
        return (int) best;
    }
}
