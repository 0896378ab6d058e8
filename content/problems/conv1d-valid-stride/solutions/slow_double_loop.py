# Correct, but a double loop in Python: up to 10^8 multiply-adds in the interpreter.
class Solution:
    def conv1d(self, signal: list[float], kernel: list[float], stride: int) -> list[float]:
        n, k = len(signal), len(kernel)
        out = []
        for start in range(0, n - k + 1, stride):
            total = 0.0
            for j in range(k):
                total += signal[start + j] * kernel[j]
            out.append(total)
        return out
