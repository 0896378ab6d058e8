# XOR of everything: right when the others occur twice, but a value seen three times survives
# the XOR, so [7, 3, 7, 7] gives 7 ^ 3 = 4.
from functools import reduce
from operator import xor


class Solution:
    def scanned_once(self, scans: list[int]) -> int:
        return reduce(xor, scans, 0)
