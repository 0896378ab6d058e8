# Correct but checks every substring: O(n^2) substrings, each checked in O(n).
class Solution:
    def length_of_longest_substring(self, s: str) -> int:
        best = 0
        n = len(s)
        for i in range(n):
            for j in range(i + 1, n + 1):
                if len(set(s[i:j])) == j - i:
                    best = max(best, j - i)
        return best
