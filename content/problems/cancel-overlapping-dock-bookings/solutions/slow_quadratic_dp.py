# Correct but O(n^2): for each booking (by end time), the most bookings that can be kept ending
# with it, from every earlier compatible booking.
class Solution:
    def min_cancellations(self, bookings: list[list[int]]) -> int:
        ordered = sorted(bookings, key=lambda booking: booking[1])
        n = len(ordered)
        best = [1] * n
        for i in range(n):
            start = ordered[i][0]
            for j in range(i):
                if ordered[j][1] <= start and best[j] + 1 > best[i]:
                    best[i] = best[j] + 1
        return n - max(best)
