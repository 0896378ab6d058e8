# Correct backtracking over every matching word, without memoisation: exponential on
# "aaa...ab" with words a, aa, aaa, ...
import sys

sys.setrecursionlimit(100_000)


class Solution:
    def word_break(self, s: str, words: list[str]) -> bool:
        vocab = set(words)
        longest = max(len(w) for w in words)

        def can_split(i: int) -> bool:
            if i == len(s):
                return True
            for length in range(1, min(longest, len(s) - i) + 1):
                if s[i : i + length] in vocab and can_split(i + length):
                    return True
            return False

        return can_split(0)
