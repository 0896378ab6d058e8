import sys
from itertools import accumulate
from operator import add


def main() -> None:
    data = sys.stdin.buffer.read().split()
    rows, cols = int(data[0]), int(data[1])
    width = cols + 1
    values = list(map(int, data[2 : 2 + rows * cols]))
    # prefix[i * width + j]: the total of rows 1..i and columns 1..j (row 0 and column 0 are 0).
    # Row i is row i - 1 plus the running totals of row i.
    above = [0] * width
    prefix = above[:]
    for i in range(rows):
        running = accumulate(values[i * cols : (i + 1) * cols], initial=0)
        above = list(map(add, above, running))
        prefix += above
    queries = list(map(int, data[3 + rows * cols :]))
    out = []
    for k in range(0, len(queries), 3):
        r, c, d = queries[k], queries[k + 1], queries[k + 2]
        top = (r - d - 1 if r - d > 1 else 0) * width
        bottom = (r + d if r + d < rows else rows) * width
        left = c - d - 1 if c - d > 1 else 0
        right = c + d if c + d < cols else cols
        out.append(
            prefix[bottom + right]
            - prefix[top + right]
            - prefix[bottom + left]
            + prefix[top + left]
        )
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
