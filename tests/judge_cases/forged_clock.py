# expect: TLE
# limits: time=0.5 memory=256
# problem: two-sum
# Every clock and timer inside the process is silenced, then the first test uses twice its
# limit: the host measures the box's CPU between the tests' boundaries, so it is still TLE.
import signal
import time

_real_cpu = time.process_time


def _zero(*args, **kwargs):
    return 0.0


time.process_time = _zero
time.perf_counter = _zero
time.monotonic = _zero
time.thread_time = _zero
signal.setitimer = _zero
signal.signal = _zero
_calls = [0]


class Solution:
    def two_sum(self, prices, target):
        _calls[0] += 1
        if _calls[0] == 1:
            end = _real_cpu() + 1.0
            while _real_cpu() < end:
                pass
        seen = {}
        for j, v in enumerate(prices):
            if target - v in seen:
                return [seen[target - v], j]
            seen[v] = j
        return []
