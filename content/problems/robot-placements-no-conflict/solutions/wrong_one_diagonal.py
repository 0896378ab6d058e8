# Checks columns and the r - c diagonals but forgets the anti-diagonals (r + c), so two robots
# facing each other down-left are counted as compatible.
class Solution:
    def count_placements(self, floor: list[str]) -> int:
        n = len(floor)
        cols: set[int] = set()
        diagonals: set[int] = set()

        def place(row: int) -> int:
            if row == n:
                return 1
            total = 0
            for c in range(n):
                if floor[row][c] == "#" or c in cols or row - c in diagonals:
                    continue
                cols.add(c)
                diagonals.add(row - c)
                total += place(row + 1)
                cols.remove(c)
                diagonals.remove(row - c)
            return total

        return place(0)
