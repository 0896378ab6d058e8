# expect: TLE
# limits: time=1 memory=128
# Threads count against the pids limit: the bomb stalls at pids.max and burns CPU until TLE.
import threading


def burn() -> None:
    while True:
        pass


while True:
    try:
        threading.Thread(target=burn, daemon=True).start()
    except RuntimeError:
        pass
