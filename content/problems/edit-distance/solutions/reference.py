class Solution:
    def edit_distance(self, source: str, target: str) -> int:
        if len(source) < len(target):
            source, target = target, source  # rows over the longer string, columns over the shorter
        m = len(target)
        prev = list(range(m + 1))
        for i, a in enumerate(source, 1):
            cur = [i] * (m + 1)
            left = i
            for j in range(1, m + 1):
                if target[j - 1] == a:
                    value = prev[j - 1]
                else:
                    value = prev[j - 1]
                    if prev[j] < value:
                        value = prev[j]
                    if left < value:
                        value = left
                    value += 1
                cur[j] = left = value
            prev = cur
        return prev[m]
