# Correct but O(n) per query: scans every name for every query.
import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    names = data[1 : 1 + n]
    q = int(data[1 + n])
    out = []
    for query in data[2 + n : 2 + n + q]:
        found = sorted(name for name in names if name.startswith(query))[:3]
        out.append(b" ".join(found) if found else b"-")
    sys.stdout.buffer.write(b"\n".join(out) + b"\n")


main()
