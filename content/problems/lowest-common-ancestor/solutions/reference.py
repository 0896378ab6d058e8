import sys

# Euler tour of the tree + sparse table of range minima over (depth, node) keys.


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    children: list[list[int]] = [[] for _ in range(n + 1)]
    root = 0
    for v in range(1, n + 1):
        p = int(data[v])
        if p:
            children[p].append(v)
        else:
            root = v

    shift = 17  # n <= 10^5 < 2^17: key = depth << 17 | node
    mask = (1 << shift) - 1
    first = [0] * (n + 1)
    depth = [0] * (n + 1)
    pos = [0] * (n + 1)
    euler: list[int] = []
    stack = [root]
    while stack:
        v = stack[-1]
        euler.append(depth[v] << shift | v)
        kids = children[v]
        if pos[v] < len(kids):
            c = kids[pos[v]]
            pos[v] += 1
            depth[c] = depth[v] + 1
            first[c] = len(euler)
            stack.append(c)
        else:
            stack.pop()

    table = [euler]
    span = 1
    while 2 * span <= len(euler):
        prev = table[-1]
        table.append(list(map(min, prev, prev[span:])))
        span *= 2

    q = int(data[n + 1])
    out = []
    idx = n + 2
    for _ in range(q):
        lo = first[int(data[idx])]
        hi = first[int(data[idx + 1])]
        idx += 2
        if lo > hi:
            lo, hi = hi, lo
        k = (hi - lo + 1).bit_length() - 1
        row = table[k]
        a = row[lo]
        b = row[hi - (1 << k) + 1]
        out.append((a if a < b else b) & mask)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
