# expect: RE
# limits: time=2 memory=128
# Writing past RLIMIT_FSIZE / the tmpfs size fails inside the box and nothing reaches the host.
with open("/box/flood", "wb") as handle:
    while True:
        handle.write(b"x" * (1 << 20))
