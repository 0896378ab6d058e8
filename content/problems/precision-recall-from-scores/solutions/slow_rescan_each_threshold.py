# Correct but O(n * distinct scores): recounts every item for each candidate threshold.
class Solution:
    def threshold_for_precision(
        self, labels: list[int], scores: list[float], min_precision: float
    ) -> list[float]:
        positives = sum(labels)
        for t in sorted(set(scores)):
            tp = fp = 0
            for label, score in zip(labels, scores, strict=True):
                if score >= t:
                    if label:
                        tp += 1
                    else:
                        fp += 1
            if tp / (tp + fp) >= min_precision:
                return [t, tp / positives if positives else 0.0]
        return []
