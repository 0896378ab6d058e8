import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    us = data[2 : 2 + 3 * m : 3]
    vs = data[3 : 3 + 3 * m : 3]
    costs = list(map(int, data[4 : 4 + 3 * m : 3]))
    parent = list(range(n + 1))
    size = [1] * (n + 1)

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]  # path halving
            x = parent[x]
        return x

    total, links = 0, 0
    for i in sorted(range(m), key=costs.__getitem__):
        if links == n - 1:
            break
        a, b = find(int(us[i])), find(int(vs[i]))
        if a == b:
            continue  # already connected: this link would close a cycle
        if size[a] < size[b]:
            a, b = b, a
        parent[b] = a
        size[a] += size[b]
        total += costs[i]
        links += 1
    print(total if links == n - 1 else -1)


main()
