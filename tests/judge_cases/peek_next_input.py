# expect: AC
# limits: time=1 memory=256
# problem: two-sum
# The first test looks for the second test's input everywhere it can reach: every list and dict
# of the process (the harness's variables included) and every file descriptor, read without
# blocking.  The host writes a test's input only when that test starts, so it finds nothing and
# answers right; had it found the input, it would answer wrong (WA).
import gc
import os

_calls = [0]


def _second_input_visible():
    needle = ", ".join(["5", "3", "5"])
    for obj in gc.get_objects():
        if isinstance(obj, (list, dict)):
            for value in obj.values() if isinstance(obj, dict) else obj:
                if isinstance(value, bytes):
                    value = value.decode("utf-8", "replace")
                if isinstance(value, str) and needle in value:
                    return True
    for fd in range(64):
        try:
            blocking = os.get_blocking(fd)
            os.set_blocking(fd, False)
        except OSError:
            continue
        try:
            data = os.read(fd, 1 << 20)
        except OSError:
            data = b""
        finally:
            os.set_blocking(fd, blocking)
        if needle.encode() in data:
            return True
    return False


class Solution:
    def two_sum(self, prices, target):
        _calls[0] += 1
        if _calls[0] == 1 and _second_input_visible():
            return [-1, -1]
        seen = {}
        for j, v in enumerate(prices):
            if target - v in seen:
                return [seen[target - v], j]
            seen[v] = j
        return []
