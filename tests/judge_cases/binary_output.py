# expect: OK
# limits: time=1 memory=64
import sys

sys.stdout.buffer.write(b"\x00\xff\xfe not utf-8 \x80\n")
