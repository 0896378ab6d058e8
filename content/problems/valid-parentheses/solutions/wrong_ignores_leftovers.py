# Matches brackets with a stack but forgets that brackets left open at the end are an error.
class Solution:
    def is_valid(self, s: str) -> bool:
        partner = {")": "(", "]": "[", "}": "{"}
        stack: list[str] = []
        for ch in s:
            if ch in partner:
                if not stack or stack.pop() != partner[ch]:
                    return False
            else:
                stack.append(ch)
        return True
