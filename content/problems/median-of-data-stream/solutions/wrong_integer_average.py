# Two heaps, but the even-count median uses integer division, so 3.5 is printed as 3.0
# (and -2.5 as -3.0).
import heapq
import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    low: list[int] = []
    high: list[int] = []
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
                out.append(f"{(high[0] - low[0]) // 2}.0")
    sys.stdout.write("\n".join(out) + "\n")


main()
