// expect: MLE
// limits: time=3 memory=64
// Buffers live outside V8's heap, so no heap limit stops them: the cgroup does.
const keep = [];
for (;;) keep.push(Buffer.alloc(1 << 20, 1));
