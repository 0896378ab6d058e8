# expect: OK
# limits: time=2 memory=64
# The project's SQLite database, its WAL and folder: the test creates them on the host (world
# readable, so only the box's mount namespace stands in the way) and puts their paths here.
import os
import sys

DATA_DIR = "@DATA_DIR@"
TARGETS = [DATA_DIR, "@DATABASE@", "@DATABASE@-wal", "@DATABASE@-shm"]
found = []
for target in TARGETS:
    for path in (target, "/proc/1/root" + target, "/proc/self/root" + target):
        try:
            if os.path.isdir(path):
                found.append((path, os.listdir(path)))
            else:
                with open(path, "rb") as handle:
                    found.append((path, handle.read(64)))
        except OSError as error:
            print(path, "unreachable", error.errno)
for path, content in found:
    print(path, "FOUND", content)
sys.exit(1 if found else 0)
