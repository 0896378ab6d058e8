# Splits by time and gap only: a customer's early rows stay in training while the same
# customer's later rows are in validation.
class Solution:
    def split_by_time(
        self, timestamps: list[int], groups: list[int], cutoff: int, gap: int
    ) -> list[list[int]]:
        train = [i for i, t in enumerate(timestamps) if t < cutoff - gap]
        validation = [i for i, t in enumerate(timestamps) if t >= cutoff]
        return [train, validation]
