# expect: TLE
# limits: time=0.5 memory=128
import os
import time

# Two processes burning CPU: the cgroup sums them, so 0.5 s of CPU passes within ~0.25 s of wall.
os.fork()
end = time.time() + 5
while time.time() < end:
    pass
