import sys
from bisect import bisect_left


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    names = sorted(data[1 : 1 + n])
    q = int(data[1 + n])
    out = []
    for query in data[2 + n : 2 + n + q]:
        i = bisect_left(names, query)
        found = [name for name in names[i : i + 3] if name.startswith(query)]
        out.append(b" ".join(found) if found else b"-")
    sys.stdout.buffer.write(b"\n".join(out) + b"\n")


main()
