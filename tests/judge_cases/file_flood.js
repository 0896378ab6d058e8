// expect: RE
// limits: time=2 memory=128
// Writing past RLIMIT_FSIZE / the tmpfs size fails inside the box and nothing reaches the host.
const fs = require("fs");

const fd = fs.openSync("/box/flood", "w");
const chunk = Buffer.alloc(1 << 20, 120);
for (;;) fs.writeSync(fd, chunk);
