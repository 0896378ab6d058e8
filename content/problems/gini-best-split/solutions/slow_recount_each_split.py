# Correct but O(n * distinct values): recounts both sides for every candidate threshold.
class Solution:
    def best_split(self, values: list[float], labels: list[int]) -> list[float]:
        n = len(values)
        distinct = sorted(set(values))
        best: list[float] = []
        best_gini = 2.0
        for k in range(len(distinct) - 1):
            t = (distinct[k] + distinct[k + 1]) / 2
            left: dict[int, int] = {}
            right: dict[int, int] = {}
            for v, y in zip(values, labels, strict=True):
                side = left if v <= t else right
                side[y] = side.get(y, 0) + 1
            n_left = sum(left.values())
            n_right = n - n_left
            gini = 0.0
            for side, size in ((left, n_left), (right, n_right)):
                gini += size / n * (1 - sum((c / size) ** 2 for c in side.values()))
            if gini < best_gini - 1e-12:
                best_gini = gini
                best = [t, gini]
        return best
