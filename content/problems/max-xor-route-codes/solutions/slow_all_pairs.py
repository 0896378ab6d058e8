# Correct but O(n^2): XORs every pair, about 5 * 10^9 pairs for 100,000 codes.
class Solution:
    def max_xor(self, codes: list[int]) -> int:
        best = 0
        n = len(codes)
        for i in range(n):
            x = codes[i]
            for j in range(i + 1, n):
                if x ^ codes[j] > best:
                    best = x ^ codes[j]
        return best
