import numpy as np


class Solution:
    def log_loss(self, y_true: list[int], probs: list[float], eps: float) -> float:
        y = np.asarray(y_true, dtype=np.int64)
        p = np.clip(np.asarray(probs, dtype=np.float64), eps, 1.0 - eps)
        # Select the term by the label: never 0 * log(0).
        loss = -np.where(y == 1, np.log(p), np.log1p(-p))
        return float(loss.mean())
