# A plain BFS from the packages without dependencies: each package gets the wave in which it is
# first reached. That is the shortest chain, not the longest, and cycles reachable from a
# starting package go unnoticed.
import sys
from collections import deque


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    unlocks: list[list[int]] = [[] for _ in range(n + 1)]
    has_dependency = [False] * (n + 1)
    for i in range(m):
        a, b = int(data[2 + 2 * i]), int(data[3 + 2 * i])
        unlocks[b].append(a)
        has_dependency[a] = True
    wave = [0] * (n + 1)
    queue = deque(v for v in range(1, n + 1) if not has_dependency[v])
    for v in queue:
        wave[v] = 1
    while queue:
        u = queue.popleft()
        for v in unlocks[u]:
            if wave[v] == 0:
                wave[v] = wave[u] + 1
                queue.append(v)
    print(-1 if 0 in wave[1:] else max(wave))


main()
