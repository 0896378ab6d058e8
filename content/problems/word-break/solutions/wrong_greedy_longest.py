# Greedy: always cut off the longest word that matches at the current position, never backs up.
# "abcd" with [ab, abc, cd] takes "abc" and fails on "d".
class Solution:
    def word_break(self, s: str, words: list[str]) -> bool:
        vocab = set(words)
        longest = max(len(w) for w in words)
        i = 0
        while i < len(s):
            for length in range(min(longest, len(s) - i), 0, -1):
                if s[i : i + length] in vocab:
                    i += length
                    break
            else:
                return False
        return True
