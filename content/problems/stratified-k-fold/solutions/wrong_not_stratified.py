# Plain k-fold by position: the folds have equal sizes, but a class that sits together in the
# data (sorted by label, or by time) lands in one or two folds.
class Solution:
    def stratified_k_fold(self, labels: list[int], k: int) -> list[int]:
        n = len(labels)
        return [i * k // n for i in range(n)]
