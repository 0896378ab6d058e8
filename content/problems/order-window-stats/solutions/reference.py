import sys
from collections import deque


def main() -> None:
    data = sys.stdin.buffer.read().split()
    q, window = int(data[0]), int(data[1])
    orders: deque[tuple[int, int]] = deque()  # (time, value) of the orders in the window
    best: deque[tuple[int, int]] = deque()  # candidates for the maximum, values decreasing
    total = 0
    out = []
    pos = 2
    for _ in range(q):
        if data[pos] == b"order":
            t, v = int(data[pos + 1]), int(data[pos + 2])
            pos += 3
            orders.append((t, v))
            total += v
            while best and best[-1][1] <= v:
                best.pop()
            best.append((t, v))
        else:
            t = int(data[pos + 1])
            pos += 2
            oldest = t - window  # orders placed at this second or before have left
            while orders and orders[0][0] <= oldest:
                total -= orders.popleft()[1]
            while best and best[0][0] <= oldest:
                best.popleft()
            out.append(f"{len(orders)} {total} {best[0][1] if best else 0}")
    sys.stdout.write("\n".join(out) + ("\n" if out else ""))


main()
