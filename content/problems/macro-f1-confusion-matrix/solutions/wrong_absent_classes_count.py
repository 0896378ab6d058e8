# Averages over all num_classes, counting the classes that occur nowhere as F1 = 0.
class Solution:
    def macro_f1(self, y_true: list[int], y_pred: list[int], num_classes: int) -> float:
        tp = [0] * num_classes
        true_count = [0] * num_classes
        pred_count = [0] * num_classes
        for t, p in zip(y_true, y_pred, strict=True):
            true_count[t] += 1
            pred_count[p] += 1
            if t == p:
                tp[t] += 1
        total = 0.0
        for c in range(num_classes):
            if true_count[c] + pred_count[c]:
                total += 2 * tp[c] / (true_count[c] + pred_count[c])
        return total / num_classes
