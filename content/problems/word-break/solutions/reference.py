class Solution:
    def word_break(self, s: str, words: list[str]) -> bool:
        vocab = set(words)
        lengths = sorted({len(w) for w in words})
        n = len(s)
        ok = [False] * (n + 1)
        ok[0] = True
        for i in range(1, n + 1):
            for length in lengths:
                if length > i:
                    break
                if ok[i - length] and s[i - length : i] in vocab:
                    ok[i] = True
                    break
        return ok[n]
