class Solution:
    def threshold_for_precision(
        self, labels: list[int], scores: list[float], min_precision: float
    ) -> list[float]:
        positives = sum(labels)
        order = sorted(range(len(scores)), key=scores.__getitem__, reverse=True)
        tp = fp = 0
        best: list[float] = []
        i, n = 0, len(order)
        while i < n:
            score = scores[order[i]]
            # Every item with this score is flagged by the same threshold: add the whole group.
            while i < n and scores[order[i]] == score:
                if labels[order[i]]:
                    tp += 1
                else:
                    fp += 1
                i += 1
            # Precision is not monotonic: keep sweeping and remember the lowest threshold.
            if tp / (tp + fp) >= min_precision:
                best = [score, tp / positives if positives else 0.0]
        return best
