# Correct but O(n^2): counts the meetings in progress at every start time.
import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    meetings = [(int(data[1 + 2 * i]), int(data[2 + 2 * i])) for i in range(n)]
    best = 0
    for t, _ in meetings:
        best = max(best, sum(1 for s, e in meetings if s <= t < e))
    print(best)


main()
