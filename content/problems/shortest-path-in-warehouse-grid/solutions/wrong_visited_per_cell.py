# Ordinary grid BFS with a visited set of cells: the first arrival at a cell may already have
# spent the push that a later pallet needs, and better arrivals with more pushes left are dropped.
from collections import deque


class Solution:
    def shortest_path(self, grid: list[str], k: int) -> int:
        rows, cols = len(grid), len(grid[0])
        start = next((r, c) for r in range(rows) for c in range(cols) if grid[r][c] == "S")
        seen = {start}
        queue = deque([(start[0], start[1], k, 0)])
        while queue:
            r, c, left, steps = queue.popleft()
            if grid[r][c] == "E":
                return steps
            for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                if 0 <= nr < rows and 0 <= nc < cols and (nr, nc) not in seen:
                    next_left = left - (grid[nr][nc] == "#")
                    if next_left >= 0:
                        seen.add((nr, nc))
                        queue.append((nr, nc, next_left, steps + 1))
        return -1
