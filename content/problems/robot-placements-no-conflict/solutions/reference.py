class Solution:
    def count_placements(self, floor: list[str]) -> int:
        n = len(floor)
        full = (1 << n) - 1
        # free[r] has bit c set when cell (r, c) is not a pillar.
        free = [sum(1 << c for c, ch in enumerate(row) if ch == ".") for row in floor]

        def place(row: int, cols: int, down: int, up: int) -> int:
            if row == n:
                return 1
            total = 0
            usable = free[row] & ~(cols | down | up)
            while usable:
                bit = usable & -usable
                usable ^= bit
                total += place(row + 1, cols | bit, ((down | bit) << 1) & full, (up | bit) >> 1)
            return total

        return place(0, 0, 0, 0)
