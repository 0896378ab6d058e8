# expect: RE
# limits: time=2 memory=64
with open("/box/sparse", "wb") as handle:
    handle.seek(2 << 30)
    handle.write(b"x")
