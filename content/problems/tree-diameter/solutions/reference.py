import sys


def farthest(start: int, n: int, adjacency: list[list[int]]) -> tuple[int, int]:
    """The station farthest from start and its distance (iterative: paths can be very long)."""
    dist = [-1] * (n + 1)
    dist[start] = 0
    stack = [start]
    best, best_dist = start, 0
    while stack:
        u = stack.pop()
        du = dist[u]
        if du > best_dist:
            best, best_dist = u, du
        edges = adjacency[u]
        for i in range(0, len(edges), 2):
            v = edges[i]
            if dist[v] < 0:
                dist[v] = du + edges[i + 1]
                stack.append(v)
    return best, best_dist


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    adjacency: list[list[int]] = [[] for _ in range(n + 1)]  # flat: neighbour, weight, ...
    for i in range(n - 1):
        u, v, w = int(data[1 + 3 * i]), int(data[2 + 3 * i]), int(data[3 + 3 * i])
        adjacency[u] += (v, w)
        adjacency[v] += (u, w)
    end, _ = farthest(1, n, adjacency)
    _, diameter = farthest(end, n, adjacency)
    print(diameter)


main()
