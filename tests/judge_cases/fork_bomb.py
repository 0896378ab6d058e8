# expect: TLE
# limits: time=1 memory=128
import os

while True:
    try:
        os.fork()
    except OSError:
        pass
