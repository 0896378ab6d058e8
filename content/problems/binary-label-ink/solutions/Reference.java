class Solution {
    public long countDots(long n) {
        // Bit b of 0..n repeats 2^b zeros then 2^b ones: full periods, then the partial one.
        long total = 0, numbers = n + 1;
        for (int bit = 0; (1L << bit) <= n; bit++) {
            long half = 1L << bit, period = half << 1;
            total += (numbers / period) * half;
            total += Math.max(0L, numbers % period - half);
        }
        return total;
    }
}
