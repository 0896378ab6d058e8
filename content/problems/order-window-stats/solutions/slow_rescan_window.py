# Correct but O(q * window): expires old orders from a queue, then recounts the total and the
# maximum of the whole window for every report.
import sys
from collections import deque


def main() -> None:
    data = sys.stdin.buffer.read().split()
    q, window = int(data[0]), int(data[1])
    times: deque[int] = deque()
    values: deque[int] = deque()
    out = []
    pos = 2
    for _ in range(q):
        if data[pos] == b"order":
            times.append(int(data[pos + 1]))
            values.append(int(data[pos + 2]))
            pos += 3
        else:
            t = int(data[pos + 1])
            pos += 2
            while times and times[0] <= t - window:
                times.popleft()
                values.popleft()
            out.append(f"{len(values)} {sum(values)} {max(values, default=0)}")
    sys.stdout.write("\n".join(out) + ("\n" if out else ""))


main()
