class Solution:
    def num_islands(self, grid: list[str]) -> int:
        cols = len(grid[0])
        width = cols + 1
        # One water column after every row and a water row above and below the map, so
        # neighbours never fall outside the array and need no bounds checks.
        pad = "0" * width
        cells = bytearray((pad + "".join(row + "0" for row in grid) + pad).encode())
        land, water = ord("1"), ord("0")
        islands = 0
        i = cells.find(b"1")
        while i != -1:
            islands += 1
            cells[i] = water
            stack = [i]  # explicit stack: a million-cell island would overflow recursion
            while stack:
                j = stack.pop()
                for n in (j - 1, j + 1, j - width, j + width):
                    if cells[n] == land:
                        cells[n] = water
                        stack.append(n)
            i = cells.find(b"1", i + 1)
        return islands
