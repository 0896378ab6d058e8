# Correct but O(n^2 + m): Dijkstra that scans every server to find the closest unfinished one.
import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, m, source = int(data[0]), int(data[1]), int(data[2])
    links: list[list[tuple[int, int]]] = [[] for _ in range(n + 1)]
    for i in range(m):
        u, v, w = int(data[3 + 3 * i]), int(data[4 + 3 * i]), int(data[5 + 3 * i])
        links[u].append((v, w))
    infinity = float("inf")
    dist = [infinity] * (n + 1)
    dist[source] = 0
    done = [False] * (n + 1)
    for _ in range(n):
        u, best = -1, infinity
        for i in range(1, n + 1):
            if not done[i] and dist[i] < best:
                u, best = i, dist[i]
        if u == -1:
            break
        done[u] = True
        for v, w in links[u]:
            if best + w < dist[v]:
                dist[v] = best + w
    latest = max(dist[1:])
    print(-1 if latest == infinity else latest)


main()
