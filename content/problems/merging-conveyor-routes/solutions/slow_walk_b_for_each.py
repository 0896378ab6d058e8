# Correct but O(n * m): for every station of route A, walks the whole of route B looking for it.
# Two routes of 50,000 stations that meet only at the end mean over 10^9 steps.
class Solution:
    def first_shared(self, next_station: list[int], start_a: int, start_b: int) -> int:
        a = start_a
        while a != -1:
            b = start_b
            while b != -1:
                if a == b:
                    return a
                b = next_station[b]
            a = next_station[a]
        return -1
