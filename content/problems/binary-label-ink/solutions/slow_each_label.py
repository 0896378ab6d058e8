# Correct but O(n): counts the set bits of every label, clearing the lowest one at a time.
# Hopeless for n = 10^15.
class Solution:
    def count_dots(self, n: int) -> int:
        total = 0
        for label in range(n + 1):
            while label:
                label &= label - 1
                total += 1
        return total
