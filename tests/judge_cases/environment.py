# expect: OK
# limits: time=1 memory=64
import os

# Only the box's own variables are visible; nothing of the host environment.
assert set(os.environ) <= {"PATH", "HOME", "LANG", "TMPDIR", "PWD"}, sorted(os.environ)
print("clean")
