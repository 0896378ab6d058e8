# Correct but O(depth) per query: lift the deeper node, then step both up together.
# On two long chains that is 10^5 steps per query.
import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    parent = [0] * (n + 1)
    children: list[list[int]] = [[] for _ in range(n + 1)]
    root = 0
    for v in range(1, n + 1):
        parent[v] = int(data[v])
        if parent[v]:
            children[parent[v]].append(v)
        else:
            root = v
    depth = [0] * (n + 1)
    order = [root]
    for v in order:
        for c in children[v]:
            depth[c] = depth[v] + 1
            order.append(c)
    q = int(data[n + 1])
    out = []
    idx = n + 2
    for _ in range(q):
        a = int(data[idx])
        b = int(data[idx + 1])
        idx += 2
        while depth[a] > depth[b]:
            a = parent[a]
        while depth[b] > depth[a]:
            b = parent[b]
        while a != b:
            a = parent[a]
            b = parent[b]
        out.append(a)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
