# Correct but O(n * k): picks the closest remaining point k times.
class Solution:
    def k_closest(self, points: list[list[int]], k: int) -> list[list[int]]:
        taken = [False] * len(points)
        result = []
        for _ in range(k):
            best, best_d = -1, 0
            for i, (x, y) in enumerate(points):
                if not taken[i]:
                    d = x * x + y * y
                    if best < 0 or d < best_d:
                        best, best_d = i, d
            taken[best] = True
            result.append(points[best])
        return result
