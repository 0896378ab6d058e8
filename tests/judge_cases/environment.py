# expect: OK
# limits: time=1 memory=64
import os

# Only the box's own variables are visible; nothing of the host environment.
BOX = {"PATH", "HOME", "LANG", "TMPDIR", "PWD", "PYTHONPATH"}
THREADS = {"OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"}
assert set(os.environ) <= BOX | THREADS, sorted(os.environ)
assert os.environ["PYTHONPATH"] == "/usr/lib/python3/dist-packages"
print("clean")
