# Checks precision after every item, not after each group of equal scores: inside a tie it
# reports precisions (and recalls) that no threshold produces.
class Solution:
    def threshold_for_precision(
        self, labels: list[int], scores: list[float], min_precision: float
    ) -> list[float]:
        positives = sum(labels)
        order = sorted(range(len(scores)), key=lambda i: (-scores[i], -labels[i]))
        tp = fp = 0
        best: list[float] = []
        for i in order:
            if labels[i]:
                tp += 1
            else:
                fp += 1
            if tp / (tp + fp) >= min_precision:
                best = [scores[i], tp / positives if positives else 0.0]
        return best
