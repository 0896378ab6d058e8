# expect: OK
# limits: time=1 memory=64
import os
import signal

for target in (-1, os.getppid(), 1):
    try:
        os.kill(target, signal.SIGKILL)
    except OSError:
        pass
print("still here")
