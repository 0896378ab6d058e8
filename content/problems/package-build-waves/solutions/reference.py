import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    unlocks: list[list[int]] = [[] for _ in range(n + 1)]  # b -> packages that need b
    waiting = [0] * (n + 1)  # dependencies not yet built, repeats counted
    for i in range(m):
        a, b = int(data[2 + 2 * i]), int(data[3 + 2 * i])
        unlocks[b].append(a)
        waiting[a] += 1
    wave = [v for v in range(1, n + 1) if waiting[v] == 0]
    waves = built = 0
    while wave:
        waves += 1
        built += len(wave)
        following = []
        for u in wave:
            for v in unlocks[u]:
                waiting[v] -= 1
                if waiting[v] == 0:
                    following.append(v)
        wave = following
    print(waves if built == n else -1)


main()
