# Correct but O(n * m): the same clock, but every job scans all workers for the earliest finish
# and for the free worker with the lowest (power, index).
class Solution:
    def assign_workers(
        self, power: list[int], arrivals: list[int], durations: list[int]
    ) -> list[int]:
        m = len(power)
        finish = [0] * m
        result = []
        t = 0
        for arrival, duration in zip(arrivals, durations, strict=True):
            t = max(t, arrival, min(finish))
            best = -1
            for i in range(m):
                if finish[i] <= t and (best < 0 or power[i] < power[best]):
                    best = i
            finish[best] = t + duration
            result.append(best)
        return result
