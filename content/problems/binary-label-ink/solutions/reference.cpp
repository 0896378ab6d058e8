class Solution {
public:
    long long countDots(long long n) {
        // Bit b of 0..n repeats 2^b zeros then 2^b ones: full periods, then the partial one.
        long long total = 0, numbers = n + 1;
        for (int bit = 0; (1LL << bit) <= n; ++bit) {
            long long half = 1LL << bit, period = half << 1;
            total += (numbers / period) * half;
            total += max(0LL, numbers % period - half);
        }
        return total;
    }
};
