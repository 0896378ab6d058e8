# Builds the 2-D prefix sums correctly but forgets to add back the corner block when answering:
# whenever the square is clipped at neither the top nor the left wall, that block is subtracted
# twice.
import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    rows, cols = int(data[0]), int(data[1])
    prefix = [[0] * (cols + 1) for _ in range(rows + 1)]
    pos = 2
    for i in range(1, rows + 1):
        running = 0
        for j in range(1, cols + 1):
            running += int(data[pos])
            pos += 1
            prefix[i][j] = prefix[i - 1][j] + running
    q = int(data[pos])
    pos += 1
    out = []
    for _ in range(q):
        r, c, d = int(data[pos]), int(data[pos + 1]), int(data[pos + 2])
        pos += 3
        r1, r2 = max(1, r - d), min(rows, r + d)
        c1, c2 = max(1, c - d), min(cols, c + d)
        out.append(prefix[r2][c2] - prefix[r1 - 1][c2] - prefix[r2][c1 - 1])
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
