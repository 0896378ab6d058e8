# Stops after the first phase of Floyd's method and returns the station where the two pointers
# meet. That station is on the loop, but it is the entry only by luck (e.g. when the route is one
# loop through the start).
class Solution:
    def loop_entry(self, next_station: list[int], start: int) -> int:
        slow = fast = start
        while True:
            if next_station[fast] == -1 or next_station[next_station[fast]] == -1:
                return -1
            slow = next_station[slow]
            fast = next_station[next_station[fast]]
            if slow == fast:
                return slow
