# Euler tour + sparse table, but the range minimum is taken over node ids instead of depths.
# That only works when every parent has a smaller id than its children.
import sys


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
    first = [0] * (n + 1)
    pos = [0] * (n + 1)
    euler: list[int] = []
    stack = [root]
    while stack:
        v = stack[-1]
        euler.append(v)
        kids = children[v]
        if pos[v] < len(kids):
            c = kids[pos[v]]
            pos[v] += 1
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
        out.append(min(table[k][lo], table[k][hi - (1 << k) + 1]))
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
