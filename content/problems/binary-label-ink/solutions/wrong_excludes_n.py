# Off by one: counts the numbers 0..n-1 (n of them) instead of 0..n, so label n's dots are lost.
class Solution:
    def count_dots(self, n: int) -> int:
        total = 0
        bit = 0
        while (1 << bit) <= n:
            period = 1 << (bit + 1)
            total += (n // period) * (1 << bit)
            total += max(0, n % period - (1 << bit))
            bit += 1
        return total
