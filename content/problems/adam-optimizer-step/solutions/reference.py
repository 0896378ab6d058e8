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
        theta = np.asarray(params, dtype=np.float64)
        g = np.asarray(grads, dtype=np.float64)
        m_new = beta1 * np.asarray(m, dtype=np.float64) + (1.0 - beta1) * g
        v_new = beta2 * np.asarray(v, dtype=np.float64) + (1.0 - beta2) * g * g
        # Bias correction: both averages start at 0 and are too small for small t.
        m_hat = m_new / (1.0 - beta1**t)
        v_hat = v_new / (1.0 - beta2**t)
        theta = theta - lr * m_hat / (np.sqrt(v_hat) + eps)
        return [theta.tolist(), m_new.tolist(), v_new.tolist()]
