class Solution:
    def count_dots(self, n: int) -> int:
        # Bit b of the numbers 0..n repeats a pattern of 2^b zeros then 2^b ones; count the full
        # periods among the n + 1 numbers, then the ones in the partial period at the end.
        total = 0
        numbers = n + 1
        bit = 0
        while (1 << bit) <= n:
            period = 1 << (bit + 1)
            total += (numbers // period) * (1 << bit)
            total += max(0, numbers % period - (1 << bit))
            bit += 1
        return total
