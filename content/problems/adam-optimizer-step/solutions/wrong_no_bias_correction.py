# Skips the bias correction: the first steps use averages that are still close to their zero
# start, and move the parameters several times too far.
import numpy as np


class Solution:
    def adam_step(
        self,
        params: list[float],
        grads: list[float],
        m: list[float],
        v: list[float],
        t: int,
        lr: float,
        beta1: float,
        beta2: float,
        eps: float,
    ) -> list[list[float]]:
        g = np.asarray(grads, dtype=np.float64)
        m_new = beta1 * np.asarray(m, dtype=np.float64) + (1.0 - beta1) * g
        v_new = beta2 * np.asarray(v, dtype=np.float64) + (1.0 - beta2) * g * g
        theta = np.asarray(params, dtype=np.float64) - lr * m_new / (np.sqrt(v_new) + eps)
        return [theta.tolist(), m_new.tolist(), v_new.tolist()]
