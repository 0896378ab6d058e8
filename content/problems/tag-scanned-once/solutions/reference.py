class Solution:
    def scanned_once(self, scans: list[int]) -> int:
        # Per bit, the count of ones modulo 3, kept in two masks: a set bit in `ones` means the
        # count is 1, in `twos` that it is 2. Python's sign extension keeps negatives right.
        ones = twos = 0
        for x in scans:
            ones = (ones ^ x) & ~twos
            twos = (twos ^ x) & ~ones
        return ones
