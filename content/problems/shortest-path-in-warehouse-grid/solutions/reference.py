from collections import deque


class Solution:
    def shortest_path(self, grid: list[str], k: int) -> int:
        rows, cols = len(grid), len(grid[0])
        cells = "".join(grid)
        start, end = cells.index("S"), cells.index("E")
        sr, sc, er, ec = start // cols, start % cols, end // cols, end % cols
        distance = abs(sr - er) + abs(sc - ec)
        if k >= distance - 1:
            return distance
        # best_left[i]: most pallet moves left any arrival at cell i has had so far.
        best_left = [-1] * (rows * cols)
        best_left[start] = k
        queue = deque([(start, k)])
        steps = 0
        while queue:
            steps += 1
            for _ in range(len(queue)):
                i, left = queue.popleft()
                r, c = divmod(i, cols)
                for j, ok in (
                    (i - cols, r > 0),
                    (i + cols, r < rows - 1),
                    (i - 1, c > 0),
                    (i + 1, c < cols - 1),
                ):
                    if not ok:
                        continue
                    if j == end:
                        return steps
                    next_left = left - (cells[j] == "#")
                    if next_left > best_left[j]:
                        best_left[j] = next_left
                        queue.append((j, next_left))
        return -1
