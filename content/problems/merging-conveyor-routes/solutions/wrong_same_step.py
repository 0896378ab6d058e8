# Walks both routes in step from their starts without first skipping the longer route's extra
# stations, so it finds the shared station only when both are equally far from it.
class Solution:
    def first_shared(self, next_station: list[int], start_a: int, start_b: int) -> int:
        a, b = start_a, start_b
        while a != -1 and b != -1:
            if a == b:
                return a
            a = next_station[a]
            b = next_station[b]
        return -1
