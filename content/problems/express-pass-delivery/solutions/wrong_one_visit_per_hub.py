# Dijkstra over (time, hub, passes used), but a hub is closed the first time it is popped, with
# whatever passes that arrival had used. A slower arrival that still holds a pass is thrown away.
import heapq
import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, m, k = int(data[0]), int(data[1]), int(data[2])
    adjacency: list[list[tuple[int, int, int]]] = [[] for _ in range(n + 1)]
    for i in range(m):
        u, v = int(data[3 + 4 * i]), int(data[4 + 4 * i])
        t, e = int(data[5 + 4 * i]), int(data[6 + 4 * i])
        adjacency[u].append((v, t, e))
        adjacency[v].append((u, t, e))
    done = [False] * (n + 1)
    heap = [(0, 1, 0)]
    while heap:
        d, u, used = heapq.heappop(heap)
        if done[u]:
            continue
        done[u] = True
        if u == n:
            print(d)
            return
        for v, t, e in adjacency[u]:
            if not done[v]:
                heapq.heappush(heap, (d + t, v, used))
                if used < k:
                    heapq.heappush(heap, (d + e, v, used + 1))
    print(-1)


main()
