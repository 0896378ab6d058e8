# Averages the two sides' Gini impurities without weighting them by their sizes: a split that
# cuts off one pure example looks as good as a balanced one.
class Solution:
    def best_split(self, values: list[float], labels: list[int]) -> list[float]:
        n = len(values)
        order = sorted(range(n), key=values.__getitem__)
        total: dict[int, int] = {}
        for label in labels:
            total[label] = total.get(label, 0) + 1
        left: dict[int, int] = {}
        best: list[float] = []
        best_gini = 2.0
        for position in range(n - 1):
            i = order[position]
            left[labels[i]] = left.get(labels[i], 0) + 1
            here, after = values[i], values[order[position + 1]]
            if here == after:
                continue
            n_left, n_right = position + 1, n - position - 1
            g_left = 1 - sum(c * c for c in left.values()) / n_left**2
            g_right = 1 - sum((total[k] - left.get(k, 0)) ** 2 for k in total) / n_right**2
            gini = (g_left + g_right) / 2
            if gini < best_gini:
                best_gini = gini
                best = [(here + after) / 2, gini]
        return best
