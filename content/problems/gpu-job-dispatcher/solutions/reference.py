import heapq


class Solution:
    def assign_workers(
        self, power: list[int], arrivals: list[int], durations: list[int]
    ) -> list[int]:
        free = [(p, i) for i, p in enumerate(power)]  # (power, index)
        heapq.heapify(free)
        busy: list[tuple[int, int, int]] = []  # (finish time, power, index)
        result = []
        t = 0
        for arrival, duration in zip(arrivals, durations, strict=True):
            t = max(t, arrival)  # no earlier than its arrival nor than the job before it
            if not free and busy[0][0] > t:
                t = busy[0][0]  # wait for the first worker to finish
            while busy and busy[0][0] <= t:
                _, p, i = heapq.heappop(busy)
                heapq.heappush(free, (p, i))
            p, i = heapq.heappop(free)
            heapq.heappush(busy, (t + duration, p, i))
            result.append(i)
        return result
