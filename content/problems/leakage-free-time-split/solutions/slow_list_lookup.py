# Correct, but keeps the validation customers in a list: every lookup scans it, O(n^2) in all.
class Solution:
    def split_by_time(
        self, timestamps: list[int], groups: list[int], cutoff: int, gap: int
    ) -> list[list[int]]:
        seen_later: list[int] = []
        for t, g in zip(timestamps, groups, strict=True):
            if t >= cutoff and g not in seen_later:
                seen_later.append(g)
        train, validation = [], []
        for i, (t, g) in enumerate(zip(timestamps, groups, strict=True)):
            if t >= cutoff:
                validation.append(i)
            elif t < cutoff - gap and g not in seen_later:
                train.append(i)
        return [train, validation]
