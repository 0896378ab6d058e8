// expect: MLE
// limits: time=3 memory=64
// Fills V8's heap, which is capped at the memory limit (--max-old-space-size).
const keep = [];
for (;;) keep.push(new Array(1 << 16).fill(keep.length));
