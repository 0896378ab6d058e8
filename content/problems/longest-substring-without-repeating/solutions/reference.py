class Solution:
    def length_of_longest_substring(self, s: str) -> int:
        last_seen: dict[str, int] = {}
        best = start = 0
        for i, ch in enumerate(s):
            if last_seen.get(ch, -1) >= start:
                start = last_seen[ch] + 1
            last_seen[ch] = i
            best = max(best, i - start + 1)
        return best
