class Solution:
    def split_by_time(
        self, timestamps: list[int], groups: list[int], cutoff: int, gap: int
    ) -> list[list[int]]:
        # Customers with any validation row: a set, so each lookup is O(1).
        seen_later = {g for t, g in zip(timestamps, groups, strict=True) if t >= cutoff}
        train, validation = [], []
        for i, (t, g) in enumerate(zip(timestamps, groups, strict=True)):
            if t >= cutoff:
                validation.append(i)
            elif t < cutoff - gap and g not in seen_later:
                train.append(i)
        return [train, validation]
