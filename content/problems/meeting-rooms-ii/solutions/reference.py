import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    starts = sorted(map(int, data[1 : 2 * n + 1 : 2]))
    ends = sorted(map(int, data[2 : 2 * n + 2 : 2]))
    rooms = 0
    j = 0
    for s in starts:
        if s >= ends[j]:  # a meeting has ended by now: reuse its room ([start, end) is half-open)
            j += 1
        else:
            rooms += 1
    print(rooms)


main()
