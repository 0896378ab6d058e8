class Solution:
    def loop_entry(self, next_station: list[int], start: int) -> int:
        # Floyd: the fast pointer moves two stations per step, the slow one. If the route leaves
        # the system, the fast pointer reaches -1 first.
        slow = fast = start
        while True:
            if next_station[fast] == -1 or next_station[next_station[fast]] == -1:
                return -1
            slow = next_station[slow]
            fast = next_station[next_station[fast]]
            if slow == fast:
                break
        # The meeting point is as far from the loop's entry (going forward) as the start is.
        slow = start
        while slow != fast:
            slow = next_station[slow]
            fast = next_station[fast]
        return slow
