# One table instead of two: each state keeps only its fewest swings and the belt of the last
# parcel on that best route (belt A on ties). A route with as few swings that ended on the other
# belt is forgotten, and the next parcel from that belt is charged a swing it did not need.
class Solution:
    def fewest_switches(self, a: str, b: str, s: str) -> int:
        n, m = len(a), len(b)
        if n + m != len(s):
            return -1
        inf = n + m + 1
        best = [[inf] * (m + 1) for _ in range(n + 1)]
        last = [[-1] * (m + 1) for _ in range(n + 1)]  # 0: belt A, 1: belt B, -1: no parcel yet
        best[0][0] = 0
        for i in range(n + 1):
            for j in range(m + 1):
                if i == 0 and j == 0:
                    continue
                c = s[i + j - 1]
                options = []
                if i and a[i - 1] == c and best[i - 1][j] < inf:
                    options.append((best[i - 1][j] + (last[i - 1][j] == 1), 0))
                if j and b[j - 1] == c and best[i][j - 1] < inf:
                    options.append((best[i][j - 1] + (last[i][j - 1] == 0), 1))
                if options:
                    best[i][j], last[i][j] = min(options)
        return best[n][m] if best[n][m] < inf else -1
