# expect: OK
# limits: time=1 memory=64
import ctypes
import os

libc = ctypes.CDLL(None, use_errno=True)
assert libc.ptrace(0, 0, 0, 0) == -1  # PTRACE_TRACEME
print(os.strerror(ctypes.get_errno()))
