import sys
from heapq import heappop, heappush


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, m, k = int(data[0]), int(data[1]), int(data[2])
    layers = k + 1
    adjacency: list[list[int]] = [[] for _ in range(n + 1)]  # flat: neighbour, t, e, ...
    for i in range(m):
        u, v = int(data[3 + 4 * i]), int(data[4 + 4 * i])
        t, e = int(data[5 + 4 * i]), int(data[6 + 4 * i])
        adjacency[u] += (v, t, e)
        adjacency[v] += (u, t, e)
    # State (hub v, passes used j) is v * layers + j; a heap entry is distance * states + state,
    # one integer, which the heap compares faster than a tuple.
    states = (n + 1) * layers
    inf = 1 << 62
    dist = [inf] * states
    dist[layers] = 0
    heap = [layers]
    best = -1
    while heap:
        entry = heappop(heap)
        d, state = divmod(entry, states)
        if d > dist[state]:
            continue
        u, j = divmod(state, layers)
        if u == n:
            best = d  # the first state of hub n popped is the closest one
            break
        edges = adjacency[u]
        for p in range(0, len(edges), 3):
            v = edges[p]
            target = v * layers + j
            nd = d + edges[p + 1]
            if nd < dist[target]:
                dist[target] = nd
                heappush(heap, nd * states + target)
            if j < k:
                nd = d + edges[p + 2]
                if nd < dist[target + 1]:
                    dist[target + 1] = nd
                    heappush(heap, nd * states + target + 1)
    print(best)


main()
