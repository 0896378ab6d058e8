# Correct but O(n · n!): builds every permutation of columns in full before checking it, so no
# branch is cut early; about 4 * 10^7 permutations at n = 11.
from itertools import permutations


class Solution:
    def count_placements(self, floor: list[str]) -> int:
        n = len(floor)
        count = 0
        for perm in permutations(range(n)):
            if any(floor[r][perm[r]] == "#" for r in range(n)):
                continue
            if len({r - perm[r] for r in range(n)}) < n:
                continue
            if len({r + perm[r] for r in range(n)}) < n:
                continue
            count += 1
        return count
