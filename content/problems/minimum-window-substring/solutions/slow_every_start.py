# Correct but O(n^2): from every start, extend to the right until t is covered.
class Solution:
    def min_window(self, s: str, t: str) -> str:
        need: dict[str, int] = {}
        for c in t:
            need[c] = need.get(c, 0) + 1
        best = ""
        for left in range(len(s)):
            have = dict(need)
            missing = len(t)
            for right in range(left, len(s)):
                c = s[right]
                if have.get(c, 0) > 0:
                    missing -= 1
                have[c] = have.get(c, 0) - 1
                if missing == 0:
                    if not best or right - left + 1 < len(best):
                        best = s[left : right + 1]
                    break
        return best
