# expect: TLE
# limits: time=0.5 memory=64
import os
import signal

os.kill(os.getpid(), signal.SIGSTOP)
