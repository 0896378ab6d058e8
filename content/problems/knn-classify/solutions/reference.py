import numpy as np


class Solution:
    def knn_classify(
        self,
        train_points: list[list[float]],
        train_labels: list[int],
        queries: list[list[float]],
        k: int,
    ) -> list[int]:
        x = np.asarray(train_points, dtype=np.float64)
        y = np.asarray(train_labels, dtype=np.int64)
        result = []
        for query in np.asarray(queries, dtype=np.float64):
            # Exact integers here; a stable sort keeps equally distant points in index order.
            d2 = ((x - query) ** 2).sum(axis=1)
            nearest = np.argsort(d2, kind="stable")[:k]
            # argmax returns the first maximum: the smallest label among equal counts.
            result.append(int(np.bincount(y[nearest]).argmax()))
        return result
