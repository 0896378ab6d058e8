# On a repeat, starts a fresh window at the current character: misses "vdf" in "dvdf".
class Solution:
    def length_of_longest_substring(self, s: str) -> int:
        window: set[str] = set()
        best = 0
        for ch in s:
            if ch in window:
                window = {ch}
            else:
                window.add(ch)
            best = max(best, len(window))
        return best
