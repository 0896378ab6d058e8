class Solution:
    def roc_auc(self, labels: list[int], scores: list[float]) -> float:
        order = sorted(range(len(scores)), key=scores.__getitem__)
        positives = sum(labels)
        negatives = len(labels) - positives
        below = 0  # negatives with a strictly lower score than the current group
        doubled = 0  # twice the number of correctly ordered pairs, so that ties stay integers
        i, n = 0, len(order)
        while i < n:
            score = scores[order[i]]
            p = q = 0
            while i < n and scores[order[i]] == score:
                if labels[order[i]]:
                    p += 1
                else:
                    q += 1
                i += 1
            doubled += 2 * p * below + p * q
            below += q
        return doubled / (2 * positives * negatives)
