# Correct but O(q^2 log q): sorts all values again for every median query.
import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    values: list[int] = []
    out = []
    i = 1
    for _ in range(q):
        if data[i] == b"add":
            values.append(int(data[i + 1]))
            i += 2
        else:
            i += 1
            ordered = sorted(values)
            n = len(ordered)
            if n % 2:
                out.append(f"{ordered[n // 2]}.0")
            else:
                out.append(f"{(ordered[n // 2 - 1] + ordered[n // 2]) / 2:.1f}")
    sys.stdout.write("\n".join(out) + "\n")


main()
