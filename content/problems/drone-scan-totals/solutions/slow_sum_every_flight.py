# Correct but O(q * R * C): adds up the clipped square bay by bay (a row slice at a time) on
# every flight.
import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    rows, cols = int(data[0]), int(data[1])
    grid = [[int(x) for x in data[2 + i * cols : 2 + (i + 1) * cols]] for i in range(rows)]
    pos = 2 + rows * cols
    q = int(data[pos])
    pos += 1
    out = []
    for _ in range(q):
        r, c, d = int(data[pos]), int(data[pos + 1]), int(data[pos + 2])
        pos += 3
        r1, r2 = max(1, r - d), min(rows, r + d)
        c1, c2 = max(1, c - d), min(cols, c + d)
        total = 0
        for i in range(r1 - 1, r2):
            total += sum(grid[i][c1 - 1 : c2])
        out.append(total)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
