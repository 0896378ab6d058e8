import heapq
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
    heap = [(0, source)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u]:
            continue  # stale entry
        for v, w in links[u]:
            nd = d + w
            if nd < dist[v]:
                dist[v] = nd
                heapq.heappush(heap, (nd, v))
    latest = max(dist[1:])
    print(-1 if latest == infinity else latest)


main()
