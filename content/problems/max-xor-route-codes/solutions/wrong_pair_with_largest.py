# Assumes the best pair contains the largest code. For [8, 7, 15] it finds 15 ^ 7 = 8, but
# 8 ^ 7 = 15 is larger.
class Solution:
    def max_xor(self, codes: list[int]) -> int:
        top = max(codes)
        rest = list(codes)
        rest.remove(top)
        return max(top ^ x for x in rest)
