// expect: OLE
// limits: time=2 memory=64
const chunk = "x".repeat(1 << 16);
for (;;) process.stdout.write(chunk);
