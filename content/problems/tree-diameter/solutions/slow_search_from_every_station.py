# Correct but O(n^2): a full search from every station.
import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    adjacency: list[list[tuple[int, int]]] = [[] for _ in range(n + 1)]
    for i in range(n - 1):
        u, v, w = int(data[1 + 3 * i]), int(data[2 + 3 * i]), int(data[3 + 3 * i])
        adjacency[u].append((v, w))
        adjacency[v].append((u, w))
    best = 0
    for source in range(1, n + 1):
        dist = [-1] * (n + 1)
        dist[source] = 0
        stack = [source]
        while stack:
            u = stack.pop()
            for v, w in adjacency[u]:
                if dist[v] < 0:
                    dist[v] = dist[u] + w
                    stack.append(v)
        best = max(best, max(dist))
    print(best)


main()
