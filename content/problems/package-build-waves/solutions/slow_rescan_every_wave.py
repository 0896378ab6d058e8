# Correct but O(waves * (n + m)): every wave rescans all unbuilt packages and their dependencies.
import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    needs: list[list[int]] = [[] for _ in range(n + 1)]
    for i in range(m):
        needs[int(data[2 + 2 * i])].append(int(data[3 + 2 * i]))
    built = [False] * (n + 1)
    left = set(range(1, n + 1))
    waves = 0
    while left:
        ready = [v for v in left if all(built[d] for d in needs[v])]
        if not ready:
            print(-1)
            return
        for v in ready:
            built[v] = True
            left.discard(v)
        waves += 1
    print(waves)


main()
