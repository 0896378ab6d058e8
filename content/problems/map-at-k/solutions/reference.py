class Solution:
    def mean_average_precision(
        self, recommended: list[list[int]], relevant: list[list[int]], k: int
    ) -> float:
        total = 0.0
        users = 0
        for ranked, wanted in zip(recommended, relevant, strict=True):
            if not wanted:
                continue  # nothing to find: this user is left out of the mean
            wanted_set = set(wanted)
            hits = 0
            precision_sum = 0.0
            for i, item in enumerate(ranked[:k], start=1):
                if item in wanted_set:
                    hits += 1
                    precision_sum += hits / i  # precision at this rank
            # At most min(k, |relevant|) relevant items fit in the top k.
            total += precision_sum / min(k, len(wanted_set))
            users += 1
        return total / users if users else 0.0
