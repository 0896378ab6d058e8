# expect: TLE
# limits: time=1 memory=64
import signal

signal.signal(signal.SIGXCPU, signal.SIG_IGN)
while True:
    pass
