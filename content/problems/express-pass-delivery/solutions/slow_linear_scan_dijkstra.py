# Correct but O((n * (k + 1))^2): Dijkstra on the (hub, passes used) states that finds the
# closest unfinished state by scanning all of them.
import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, m, k = int(data[0]), int(data[1]), int(data[2])
    layers = k + 1
    adjacency: list[list[tuple[int, int, int]]] = [[] for _ in range(n + 1)]
    for i in range(m):
        u, v = int(data[3 + 4 * i]), int(data[4 + 4 * i])
        t, e = int(data[5 + 4 * i]), int(data[6 + 4 * i])
        adjacency[u].append((v, t, e))
        adjacency[v].append((u, t, e))
    inf = float("inf")
    states = (n + 1) * layers
    dist = [inf] * states
    done = [False] * states
    dist[layers] = 0
    while True:
        best, state = inf, -1
        for s in range(states):
            if not done[s] and dist[s] < best:
                best, state = dist[s], s
        if state < 0:
            print(-1)
            return
        done[state] = True
        u, j = divmod(state, layers)
        if u == n:
            print(best)
            return
        for v, t, e in adjacency[u]:
            target = v * layers + j
            if best + t < dist[target]:
                dist[target] = best + t
            if j < k and best + e < dist[target + 1]:
                dist[target + 1] = best + e


main()
