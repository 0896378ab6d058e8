# Adds eps inside the square root, sqrt(v_hat + eps): the same for ordinary gradients, far too
# small a step for gradients near or below sqrt(eps).
import math


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
        c1, c2 = 1.0 - beta1**t, 1.0 - beta2**t
        theta, m_new, v_new = [], [], []
        for p, g, a, b in zip(params, grads, m, v, strict=True):
            a = beta1 * a + (1.0 - beta1) * g
            b = beta2 * b + (1.0 - beta2) * g * g
            theta.append(p - lr * (a / c1) / math.sqrt(b / c2 + eps))
            m_new.append(a)
            v_new.append(b)
        return [theta, m_new, v_new]
