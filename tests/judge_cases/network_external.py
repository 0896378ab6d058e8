# expect: OK
# limits: time=2 memory=64
import socket

# An external address, DNS, and a raw AF_INET socket: the box has no network at all.
for attempt in (
    lambda: socket.create_connection(("1.1.1.1", 53), timeout=1),
    lambda: socket.getaddrinfo("example.com", 80),
    lambda: socket.socket(socket.AF_INET6, socket.SOCK_DGRAM),
):
    try:
        attempt()
        raise SystemExit("reached the network")
    except OSError:
        pass
print("offline")
