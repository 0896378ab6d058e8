# Deals each class from fold 0 again: every class is spread evenly, but the remainders of all
# classes pile up in the first folds (three classes of one example each all land in fold 0).
class Solution:
    def stratified_k_fold(self, labels: list[int], k: int) -> list[int]:
        seen: dict[int, int] = {}
        folds = []
        for label in labels:
            count = seen.get(label, 0)
            folds.append(count % k)
            seen[label] = count + 1
        return folds
