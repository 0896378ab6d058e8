# A queue for the count and the total, but a single running maximum that is only reset when the
# window empties: when the largest order expires and others remain, it reports a stale maximum.
import sys
from collections import deque


def main() -> None:
    data = sys.stdin.buffer.read().split()
    q, window = int(data[0]), int(data[1])
    orders: deque[tuple[int, int]] = deque()
    total = largest = 0
    out = []
    pos = 2
    for _ in range(q):
        if data[pos] == b"order":
            t, v = int(data[pos + 1]), int(data[pos + 2])
            pos += 3
            orders.append((t, v))
            total += v
            largest = max(largest, v)
        else:
            t = int(data[pos + 1])
            pos += 2
            while orders and orders[0][0] <= t - window:
                total -= orders.popleft()[1]
            if not orders:
                largest = 0
            out.append(f"{len(orders)} {total} {largest}")
    sys.stdout.write("\n".join(out) + ("\n" if out else ""))


main()
