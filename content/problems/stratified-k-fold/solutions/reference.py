class Solution:
    def stratified_k_fold(self, labels: list[int], k: int) -> list[int]:
        # Deal the examples out like cards, class by class, with ONE counter for the whole deck:
        # each class's block of consecutive positions spreads evenly over the folds, and so do
        # all n positions.
        order = sorted(range(len(labels)), key=lambda i: (labels[i], i))
        folds = [0] * len(labels)
        for position, i in enumerate(order):
            folds[i] = position % k
        return folds
