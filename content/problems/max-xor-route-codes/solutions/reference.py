class Solution:
    def max_xor(self, codes: list[int]) -> int:
        # Fix the answer's bits from the top. With the bits above `bit` settled in `best`, a 1 in
        # this position is possible when two codes' prefixes (x >> bit) XOR to best | 1, which
        # is a lookup in the set of prefixes because p ^ q == want means q == p ^ want.
        best = 0
        for bit in range(30, -1, -1):
            best <<= 1
            prefixes = {x >> bit for x in codes}
            want = best | 1
            if any(want ^ p in prefixes for p in prefixes):
                best = want
        return best
