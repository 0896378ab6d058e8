# Forgets to skip friendships inside one circle: when both roots are equal it still "merges" the
# set with itself and doubles its size, so a repeated friendship or a cycle inflates the answer.
import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    parent = list(range(n + 1))
    size = [1] * (n + 1)

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i in range(m):
        a, b = find(int(data[2 + 2 * i])), find(int(data[3 + 2 * i]))
        if size[a] < size[b]:
            a, b = b, a
        parent[b] = a
        size[a] += size[b]
    roots = [x for x in range(1, n + 1) if parent[x] == x]
    print(len(roots), max(size[x] for x in roots))


main()
