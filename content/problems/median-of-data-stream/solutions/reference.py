import heapq
import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    low: list[int] = []  # max-heap of the smaller half, stored negated
    high: list[int] = []  # min-heap of the larger half; len(low) is len(high) or one more
    out = []
    i = 1
    for _ in range(q):
        if data[i] == b"add":
            x = int(data[i + 1])
            i += 2
            heapq.heappush(high, -heapq.heappushpop(low, -x))
            if len(high) > len(low):
                heapq.heappush(low, -heapq.heappop(high))
        else:
            i += 1
            if len(low) > len(high):
                out.append(f"{-low[0]}.0")
            else:
                out.append(f"{(high[0] - low[0]) / 2:.1f}")
    sys.stdout.write("\n".join(out) + "\n")


main()
