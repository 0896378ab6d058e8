class Solution {
    public long largestSign(int[] heights) {
        int n = heights.length;
        int[] stack = new int[n + 1];  // indices with increasing heights
        int size = 0;
        long best = 0;
        for (int j = 0; j <= n; j++) {
            int h = j < n ? heights[j] : 0;  // a height-0 sentinel flushes the stack
            while (size > 0 && heights[stack[size - 1]] >= h) {
                long top = heights[stack[--size]];
                int left = size > 0 ? stack[size - 1] : -1;
                best = Math.max(best, top * (j - left - 1));
            }
            stack[size++] = j;
        }
        return best;
    }
}
