class Solution:
    def best_split(self, values: list[float], labels: list[int]) -> list[float]:
        n = len(values)
        order = sorted(range(n), key=values.__getitem__)
        right: dict[int, int] = {}
        for label in labels:
            right[label] = right.get(label, 0) + 1
        left: dict[int, int] = {}
        # Sums of squared class counts on each side, kept exact as integers while items move.
        squares_left = 0
        squares_right = sum(c * c for c in right.values())
        best: list[float] = []
        best_gini = 2.0
        for position in range(n - 1):
            i = order[position]
            k = labels[i]
            squares_left += 2 * left.get(k, 0) + 1
            left[k] = left.get(k, 0) + 1
            squares_right -= 2 * right[k] - 1
            right[k] -= 1
            here, after = values[i], values[order[position + 1]]
            if here == after:
                continue  # no threshold separates equal values
            n_left = position + 1
            n_right = n - n_left
            # Weighted Gini: sum over sides of (size / n) * (1 - sum of squared class shares).
            gini = (n_left - squares_left / n_left + n_right - squares_right / n_right) / n
            if gini < best_gini:
                best_gini = gini
                best = [(here + after) / 2, gini]
        return best
