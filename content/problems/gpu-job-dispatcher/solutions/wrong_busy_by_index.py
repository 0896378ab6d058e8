# Orders busy workers by (finish time, index) and, when every worker is busy, hands the job to
# the worker on top: of several workers finishing in the same second it takes the lowest index,
# not the lowest power draw.
import heapq


class Solution:
    def assign_workers(
        self, power: list[int], arrivals: list[int], durations: list[int]
    ) -> list[int]:
        free = [(p, i) for i, p in enumerate(power)]
        heapq.heapify(free)
        busy: list[tuple[int, int]] = []  # (finish time, index)
        result = []
        t = 0
        for arrival, duration in zip(arrivals, durations, strict=True):
            t = max(t, arrival)
            while busy and busy[0][0] <= t:
                _, i = heapq.heappop(busy)
                heapq.heappush(free, (power[i], i))
            if free:
                _, i = heapq.heappop(free)
            else:
                t, i = heapq.heappop(busy)
            heapq.heappush(busy, (t + duration, i))
            result.append(i)
        return result
