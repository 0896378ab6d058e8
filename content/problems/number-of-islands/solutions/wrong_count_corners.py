# Counts land cells with no land above and no land to the left, as if every island had a single
# top-left corner. Wrong for shapes like ["01", "11"] (two such cells, one island).
class Solution:
    def num_islands(self, grid: list[str]) -> int:
        islands = 0
        for r, row in enumerate(grid):
            for c, ch in enumerate(row):
                if ch != "1":
                    continue
                up = r > 0 and grid[r - 1][c] == "1"
                left = c > 0 and row[c - 1] == "1"
                if not up and not left:
                    islands += 1
        return islands
