# Evaluates a split after every sorted position, also between equal values: a threshold cannot
# put one copy of a value on each side, so the impurity it reports belongs to no real split.
class Solution:
    def best_split(self, values: list[float], labels: list[int]) -> list[float]:
        n = len(values)
        order = sorted(range(n), key=lambda i: (values[i], labels[i]))
        total: dict[int, int] = {}
        for label in labels:
            total[label] = total.get(label, 0) + 1
        left: dict[int, int] = {}
        best: list[float] = []
        best_gini = 2.0
        if values[order[0]] == values[order[-1]]:
            return []
        for position in range(n - 1):
            i = order[position]
            left[labels[i]] = left.get(labels[i], 0) + 1
            n_left, n_right = position + 1, n - position - 1
            sq_left = sum(c * c for c in left.values())
            sq_right = sum((total[k] - left.get(k, 0)) ** 2 for k in total)
            gini = (n_left - sq_left / n_left + n_right - sq_right / n_right) / n
            if gini < best_gini:
                best_gini = gini
                best = [(values[i] + values[order[position + 1]]) / 2, gini]
        return best
