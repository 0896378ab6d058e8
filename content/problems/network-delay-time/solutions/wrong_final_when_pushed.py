# Treats a server's arrival time as final the first time it is reached (BFS-style), so a direct
# but slow link wins over a faster detour.
import sys
from collections import deque


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, m, source = int(data[0]), int(data[1]), int(data[2])
    links: list[list[tuple[int, int]]] = [[] for _ in range(n + 1)]
    for i in range(m):
        u, v, w = int(data[3 + 3 * i]), int(data[4 + 3 * i]), int(data[5 + 3 * i])
        links[u].append((v, w))
    dist = [-1] * (n + 1)
    dist[source] = 0
    queue = deque([source])
    while queue:
        u = queue.popleft()
        for v, w in links[u]:
            if dist[v] == -1:
                dist[v] = dist[u] + w
                queue.append(v)
    print(-1 if -1 in dist[1:] else max(dist[1:]))


main()
