class Solution:
    def first_shared(self, next_station: list[int], start_a: int, start_b: int) -> int:
        def length(station: int) -> int:
            count = 0
            while station != -1:
                count += 1
                station = next_station[station]
            return count

        a, b = start_a, start_b
        len_a, len_b = length(a), length(b)
        # Skip the longer route's extra stations; then both are equally far from the exit and
        # reach their first shared station at the same step.
        for _ in range(len_a - len_b):
            a = next_station[a]
        for _ in range(len_b - len_a):
            b = next_station[b]
        while a != b:
            a = next_station[a]
            b = next_station[b]
        return a
