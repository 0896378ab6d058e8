# expect: OK
# limits: time=2 memory=64
# The hidden-test cache (<data_dir>/cache/tests/<id>-<digest>.json): the test builds it on the
# host (world readable) and puts its paths here.  None of it may be reachable from the box.
import glob
import os
import sys

TARGETS = ["@DATA_DIR@/cache", "@HIDDEN_DIR@", "@HIDDEN_FILE@"]
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
# Anywhere else a cache could hide in the box.
for pattern in ("/*/cache/tests/*.json", "/*/*/cache/tests/*.json", "/tmp/**/*.json"):
    found += [(path, "globbed") for path in glob.glob(pattern, recursive=True)]
for path, content in found:
    print(path, "FOUND", content)
sys.exit(1 if found else 0)
