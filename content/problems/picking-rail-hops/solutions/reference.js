class Solution {
    bestScore(gains, k) {
        const n = gains.length;
        // Scores stay within 2 * 10^14, below 2^53: exact as doubles.
        const best = new Float64Array(n);
        const window = new Int32Array(n);  // a deque of indices: best values strictly decreasing
        let head = 0, tail = 0;
        best[0] = gains[0];
        window[tail++] = 0;
        for (let i = 1; i < n; i++) {
            while (window[head] < i - k) head++;  // out of reach of station i
            best[i] = gains[i] + best[window[head]];
            while (tail > head && best[window[tail - 1]] <= best[i]) tail--;
            window[tail++] = i;
        }
        return best[n - 1];
    }
}
