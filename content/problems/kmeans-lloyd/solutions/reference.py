import numpy as np


class Solution:
    def kmeans(
        self, points: list[list[float]], centroids: list[list[float]], iterations: int
    ) -> list[list[float]]:
        x = np.asarray(points, dtype=np.float64)
        c = np.asarray(centroids, dtype=np.float64).copy()
        k = len(c)
        for _ in range(iterations):
            # Squared distances, n x k; argmin takes the lowest index among equal distances.
            distances = ((x[:, None, :] - c[None, :, :]) ** 2).sum(axis=2)
            nearest = distances.argmin(axis=1)
            sums = np.zeros_like(c)
            np.add.at(sums, nearest, x)
            sizes = np.bincount(nearest, minlength=k)
            moved = c.copy()
            taken = sizes > 0
            # A centroid that attracted no point stays where it is.
            moved[taken] = sums[taken] / sizes[taken, None]
            if np.array_equal(moved, c):
                break
            c = moved
        return c.tolist()
