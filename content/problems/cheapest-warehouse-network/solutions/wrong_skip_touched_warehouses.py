# Kruskal with the wrong cycle test: a link is skipped when both of its warehouses already have
# an installed link. Two separate groups can then never be joined.
import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    links = sorted(
        (int(data[4 + 3 * i]), int(data[2 + 3 * i]), int(data[3 + 3 * i])) for i in range(m)
    )
    touched = [False] * (n + 1)
    total = installed = 0
    for c, u, v in links:
        if u == v or (touched[u] and touched[v]):
            continue
        touched[u] = touched[v] = True
        total += c
        installed += 1
    print(total if installed == n - 1 else -1)


main()
