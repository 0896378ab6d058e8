# Greedy: from each stop, hop to the end if it is in reach, otherwise to the station with the
# largest gain within k. It judges a stop by its own gain alone: it hops over smaller gains it
# could have collected on the way (gains [0, 3, 3, 3, 4, 0], k = 4: 4 instead of 13), or takes
# the smallest loss close by and then needs another costly stop (gains [3, -5, -8, -4, 5], k = 2:
# it stops at 1 and 3 for -1, while a single stop at 2 scores 0).
class Solution:
    def best_score(self, gains: list[int], k: int) -> int:
        n = len(gains)
        i = 0
        score = gains[0]
        while i < n - 1:
            i = n - 1 if i + k >= n - 1 else max(range(i + 1, i + k + 1), key=lambda j: gains[j])
            score += gains[i]
        return score
