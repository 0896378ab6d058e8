import heapq


class Solution:
    def k_closest(self, points: list[list[int]], k: int) -> list[list[int]]:
        heap: list[tuple[int, int]] = []  # (-squared distance, index): a max-heap of k points
        for i, (x, y) in enumerate(points):
            d = x * x + y * y
            if len(heap) < k:
                heapq.heappush(heap, (-d, i))
            elif d < -heap[0][0]:
                heapq.heapreplace(heap, (-d, i))
        return [points[i] for _, i in heap]
