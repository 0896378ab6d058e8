# Correct but at least O(n^2): looks for any overlapping pair, merges it and starts over.
class Solution:
    def merge_intervals(self, intervals: list[list[int]]) -> list[list[int]]:
        def overlaps(a: list[int], b: list[int]) -> bool:
            return a[0] <= b[1] and b[0] <= a[1]

        items = [list(iv) for iv in intervals]
        while True:
            pair = None
            for i in range(len(items)):
                for j in range(len(items)):
                    if i != j and overlaps(items[i], items[j]):
                        pair = (i, j)
                        break
                if pair:
                    break
            if pair is None:
                return sorted(items)
            i, j = pair
            a, b = items[i], items[j]
            items = [iv for k, iv in enumerate(items) if k not in pair]
            items.append([min(a[0], b[0]), max(a[1], b[1])])
