# Treats t as a set of letters, so "aab" is satisfied by a single a (multiplicity ignored).
class Solution:
    def min_window(self, s: str, t: str) -> str:
        need = {c: 1 for c in set(t)}
        missing = len(need)
        best_len, best_start = len(s) + 1, 0
        left = 0
        for right, c in enumerate(s):
            if need.get(c, 0) > 0:
                missing -= 1
            need[c] = need.get(c, 0) - 1
            if missing == 0:
                while need[s[left]] < 0:
                    need[s[left]] += 1
                    left += 1
                if right - left + 1 < best_len:
                    best_len, best_start = right - left + 1, left
                need[s[left]] += 1
                missing += 1
                left += 1
        return "" if best_len > len(s) else s[best_start : best_start + best_len]
