# Counts the votes with Counter.most_common, which breaks equal counts by first appearance: the
# label of the nearest neighbour wins the tie, not the smaller label.
from collections import Counter


class Solution:
    def knn_classify(
        self,
        train_points: list[list[float]],
        train_labels: list[int],
        queries: list[list[float]],
        k: int,
    ) -> list[int]:
        result = []
        for query in queries:
            d2 = [sum((a - b) ** 2 for a, b in zip(p, query, strict=True)) for p in train_points]
            nearest = sorted(range(len(train_points)), key=d2.__getitem__)[:k]
            votes = Counter(train_labels[i] for i in nearest)
            result.append(votes.most_common(1)[0][0])
        return result
