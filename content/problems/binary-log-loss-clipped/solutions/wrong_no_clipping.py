# The textbook formula without clipping: log(0) is -inf, and 0 * -inf is nan, so one hard 0/1
# prediction (right or wrong) ruins the mean.
import numpy as np


class Solution:
    def log_loss(self, y_true: list[int], probs: list[float], eps: float) -> float:
        y = np.asarray(y_true, dtype=np.float64)
        p = np.asarray(probs, dtype=np.float64)
        with np.errstate(all="ignore"):
            loss = -(y * np.log(p) + (1 - y) * np.log(1 - p))
        return float(loss.mean())
