# Counts the 32 bits modulo 3 correctly but builds the answer as an unsigned number, so a
# negative tag comes back as a value in [2^31, 2^32): -4 is returned as 4294967292.
class Solution:
    def scanned_once(self, scans: list[int]) -> int:
        answer = 0
        for bit in range(32):
            count = sum((x >> bit) & 1 for x in scans)
            if count % 3:
                answer |= 1 << bit
        return answer
