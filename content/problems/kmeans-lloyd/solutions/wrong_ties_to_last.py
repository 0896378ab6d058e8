# Breaks ties between equally near centroids towards the LAST one (<= instead of <).
class Solution:
    def kmeans(
        self, points: list[list[float]], centroids: list[list[float]], iterations: int
    ) -> list[list[float]]:
        c = [list(row) for row in centroids]
        d = len(points[0])
        for _ in range(iterations):
            sums = [[0.0] * d for _ in c]
            sizes = [0] * len(c)
            for p in points:
                best, best_j = float("inf"), 0
                for j, q in enumerate(c):
                    dist = sum((a - b) ** 2 for a, b in zip(p, q, strict=True))
                    if dist <= best:
                        best, best_j = dist, j
                sizes[best_j] += 1
                for t in range(d):
                    sums[best_j][t] += p[t]
            c = [[s / sizes[j] for s in sums[j]] if sizes[j] else c[j] for j in range(len(c))]
        return c
