# Starts the first row and column at 0 instead of 0, 1, 2, ...: a prefix of either string can
# then be skipped for free ("a" -> "" gives 0).
class Solution:
    def edit_distance(self, source: str, target: str) -> int:
        m = len(target)
        prev = [0] * (m + 1)
        for a in source:
            cur = [0] * (m + 1)
            for j in range(1, m + 1):
                if target[j - 1] == a:
                    cur[j] = prev[j - 1]
                else:
                    cur[j] = 1 + min(prev[j - 1], prev[j], cur[j - 1])
            prev = cur
        return prev[m]
