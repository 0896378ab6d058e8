# Correct but O(m * n): before each link, a graph search over the installed links checks
# whether its two warehouses are already connected.
import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    links = sorted(
        (int(data[4 + 3 * i]), int(data[2 + 3 * i]), int(data[3 + 3 * i])) for i in range(m)
    )
    adjacency: list[list[int]] = [[] for _ in range(n + 1)]
    total = installed = 0
    for c, u, v in links:
        if installed == n - 1:
            break
        seen = {u}
        stack = [u]
        while stack and v not in seen:
            for w in adjacency[stack.pop()]:
                if w not in seen:
                    seen.add(w)
                    stack.append(w)
        if v in seen:
            continue
        adjacency[u].append(v)
        adjacency[v].append(u)
        total += c
        installed += 1
    print(total if installed == n - 1 else -1)


main()
