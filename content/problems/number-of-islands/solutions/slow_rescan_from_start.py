# Correct but O(R*C * islands): after each flood fill the search for the next unvisited land
# cell starts again from the top-left corner.
class Solution:
    def num_islands(self, grid: list[str]) -> int:
        rows, cols = len(grid), len(grid[0])
        seen = [[False] * cols for _ in range(rows)]
        islands = 0
        while True:
            start = None
            for r in range(rows):
                for c in range(cols):
                    if grid[r][c] == "1" and not seen[r][c]:
                        start = (r, c)
                        break
                if start:
                    break
            if start is None:
                return islands
            islands += 1
            seen[start[0]][start[1]] = True
            stack = [start]
            while stack:
                r, c = stack.pop()
                for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                    if (
                        0 <= nr < rows
                        and 0 <= nc < cols
                        and grid[nr][nc] == "1"
                        and not seen[nr][nc]
                    ):
                        seen[nr][nc] = True
                        stack.append((nr, nc))
