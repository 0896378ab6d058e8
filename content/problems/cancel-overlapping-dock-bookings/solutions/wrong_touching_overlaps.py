# Treats a booking that starts exactly when the last kept one ends as overlapping (closed
# intervals), so it cancels bookings that could share the dock.
class Solution:
    def min_cancellations(self, bookings: list[list[int]]) -> int:
        cancelled = 0
        last_end = -1
        for start, end in sorted(bookings, key=lambda booking: booking[1]):
            if start > last_end:
                last_end = end
            else:
                cancelled += 1
        return cancelled
