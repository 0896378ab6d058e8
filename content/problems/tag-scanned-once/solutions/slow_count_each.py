# Correct but O(n^2): counts every value with a fresh scan of the list. When the lonely tag comes
# last, that is about 9 * 10^10 comparisons for 300,001 scans.
class Solution:
    def scanned_once(self, scans: list[int]) -> int:
        for x in scans:
            if scans.count(x) == 1:
                return x
        return 0
