# Divides each user's sum of precisions by the number of relevant items, not by min(k, that): a
# user with more relevant items than k can never reach 1, even with a perfect top k.
class Solution:
    def mean_average_precision(
        self, recommended: list[list[int]], relevant: list[list[int]], k: int
    ) -> float:
        scores = []
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
            scores.append(precision_sum / len(wanted_set))
        return sum(scores) / len(scores) if scores else 0.0
