class Solution {
    public long bestScore(int[] gains, int k) {
        int n = gains.length;
        long[] best = new long[n];
        int[] window = new int[n];  // a deque of indices as an array: best values strictly decreasing
        int head = 0, tail = 0;
        best[0] = gains[0];
        window[tail++] = 0;
        for (int i = 1; i < n; i++) {
            while (window[head] < i - k) head++;  // out of reach of station i
            best[i] = gains[i] + best[window[head]];
            while (tail > head && best[window[tail - 1]] <= best[i]) tail--;
            window[tail++] = i;
        }
        return best[n - 1];
    }
}
