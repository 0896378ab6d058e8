# Correct but tries every choice of parts - 1 cut positions among the len(digits) - 1 gaps:
# C(29, 14) = 7.8 * 10^7 candidate codes for 30 digits and 15 parts.
from itertools import combinations


class Solution:
    def restore_codes(self, digits: str, parts: int, max_value: int) -> list[str]:
        n = len(digits)
        found: list[str] = []
        for cuts in combinations(range(1, n), parts - 1):
            bounds = (0, *cuts, n)
            pieces = [digits[bounds[i] : bounds[i + 1]] for i in range(parts)]
            if all(
                (len(p) == 1 or p[0] != "0") and len(p) <= 10 and int(p) <= max_value
                for p in pieces
            ):
                found.append("-".join(pieces))
        return found
