# Takes the three names after the search position without checking that they all start with
# the query ("cat" on [car, cat, dog] prints "cat dog").
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
        if i < n and names[i].startswith(query):
            out.append(b" ".join(names[i : i + 3]))
        else:
            out.append(b"-")
    sys.stdout.buffer.write(b"\n".join(out) + b"\n")


main()
