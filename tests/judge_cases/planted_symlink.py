# expect: OK
# limits: time=1 memory=64
import os

# The host never opens paths inside the box after the run, so these links lead nowhere.
os.symlink("/etc/shadow", "/box/output")
os.symlink("/root", "/box/root")
print("planted")
