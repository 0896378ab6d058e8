class Solution:
    def fewest_switches(self, a: str, b: str, s: str) -> int:
        n, m = len(a), len(b)
        if n + m != len(s):
            return -1
        inf = n + m + 1  # more swings than any merge needs; min() keeps values at most inf
        # Row i, for j = 0..m: the fewest swings that produce s[:i + j] from a[:i] and b[:j]
        # with the last parcel taken from belt A (last_a) or from belt B (last_b). Before the
        # first parcel both are 0, so the first parcel costs no swing from either belt.
        last_a = [inf] * (m + 1)
        last_b = [inf] * (m + 1)
        last_a[0] = last_b[0] = 0
        for j in range(1, m + 1):  # row 0: parcels from belt B only
            if b[j - 1] == s[j - 1]:
                last_b[j] = min(last_b[j - 1], last_a[j - 1] + 1)
        for i in range(1, n + 1):
            ai = a[i - 1]
            row_a = [inf] * (m + 1)
            row_b = [inf] * (m + 1)
            for j in range(m + 1):
                c = s[i + j - 1]
                if ai == c:  # the last parcel is a[i - 1], after the state (i - 1, j)
                    x, y = last_a[j], last_b[j] + 1
                    row_a[j] = x if x < y else y
                if j and b[j - 1] == c:  # the last parcel is b[j - 1], after (i, j - 1)
                    x, y = row_b[j - 1], row_a[j - 1] + 1
                    row_b[j] = x if x < y else y
            last_a, last_b = row_a, row_b
        best = min(last_a[m], last_b[m])
        return best if best < inf else -1
