# Correct but quadratic in the worst case: union-find without path compression or union by size,
# so the trees can degenerate into long chains that every find walks.
import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    parent = list(range(n + 1))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for i in range(m):
        a, b = find(int(data[2 + 2 * i])), find(int(data[3 + 2 * i]))
        if a != b:
            parent[a] = b
    size = [0] * (n + 1)
    for x in range(1, n + 1):
        size[find(x)] += 1
    circles = sum(1 for x in range(1, n + 1) if parent[x] == x)
    print(circles, max(size))


main()
