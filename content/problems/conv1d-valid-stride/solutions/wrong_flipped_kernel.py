# Uses np.convolve, which reverses the kernel: right only for symmetric kernels.
import numpy as np


class Solution:
    def conv1d(self, signal: list[float], kernel: list[float], stride: int) -> list[float]:
        x = np.asarray(signal, dtype=np.float64)
        w = np.asarray(kernel, dtype=np.float64)
        return np.convolve(x, w, mode="valid")[::stride].tolist()
