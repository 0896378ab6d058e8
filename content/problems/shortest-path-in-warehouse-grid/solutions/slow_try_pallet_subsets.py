# Correct but exponential: tries every set of at most k pallets to push and runs a plain BFS
# for each. Hopeless with hundreds of pallets and k = 20.
from collections import deque
from itertools import combinations


class Solution:
    def shortest_path(self, grid: list[str], k: int) -> int:
        rows, cols = len(grid), len(grid[0])
        pallets = [(r, c) for r in range(rows) for c in range(cols) if grid[r][c] == "#"]
        start = next((r, c) for r in range(rows) for c in range(cols) if grid[r][c] == "S")
        best = -1
        for size in range(min(k, len(pallets)) + 1):
            for pushed in combinations(pallets, size):
                opened = set(pushed)
                dist = {start: 0}
                queue = deque([start])
                while queue:
                    r, c = queue.popleft()
                    if grid[r][c] == "E":
                        if best == -1 or dist[(r, c)] < best:
                            best = dist[(r, c)]
                        break
                    for nxt in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                        nr, nc = nxt
                        inside = 0 <= nr < rows and 0 <= nc < cols
                        if inside and nxt not in dist and (grid[nr][nc] != "#" or nxt in opened):
                            dist[nxt] = dist[(r, c)] + 1
                            queue.append(nxt)
        return best
