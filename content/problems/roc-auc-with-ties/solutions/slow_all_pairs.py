# Correct but O(P * N): compares every positive with every negative.
class Solution:
    def roc_auc(self, labels: list[int], scores: list[float]) -> float:
        pos = [s for s, y in zip(scores, labels, strict=True) if y]
        neg = [s for s, y in zip(scores, labels, strict=True) if not y]
        total = 0.0
        for a in pos:
            for b in neg:
                if a > b:
                    total += 1.0
                elif a == b:
                    total += 0.5
        return total / (len(pos) * len(neg))
